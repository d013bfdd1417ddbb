;; Two inner loops of the engine in WebAssembly SIMD (128-bit), where V8's plain loops run at ~1-3 ns per
;; multiply-add. All pointer arguments are byte offsets into the exported memory. Rebuild the embedded
;; binary (kernelsBinary.ts) with `node scripts/build-wasm.mjs`; a unit test checks that it matches.
(module
  (memory (export "memory") 1)

  ;; The one-hot AGOP's group sums (src/core/wasm/oneHotSums.ts):
  ;;   acc[hot[j] + k] += w[j] * alpha[j * cp + k]   for j < n and k < cp, four outputs per instruction.
  ;; cpBytes is the padded row length of alpha and acc in bytes (a positive multiple of 16), and hot[j] is
  ;; already the byte offset of row j's value in acc.
  (func (export "groupSums")
    (param $w i32) (param $alpha i32) (param $hot i32) (param $acc i32) (param $n i32) (param $cpBytes i32)
    (local $j i32) (local $k i32) (local $a i32) (local $s i32) (local $wj f32) (local $wv v128)
    (local.set $a (local.get $alpha))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $j) (local.get $n)))
        (local.set $wj (f32.load (i32.add (local.get $w) (i32.shl (local.get $j) (i32.const 2)))))
        (if (f32.ne (local.get $wj) (f32.const 0))
          (then
            (local.set $wv (f32x4.splat (local.get $wj)))
            (local.set $s
              (i32.add (local.get $acc) (i32.load (i32.add (local.get $hot) (i32.shl (local.get $j) (i32.const 2))))))
            (local.set $k (i32.const 0))
            (loop $cols
              (v128.store
                (i32.add (local.get $s) (local.get $k))
                (f32x4.add
                  (v128.load (i32.add (local.get $s) (local.get $k)))
                  (f32x4.mul (local.get $wv) (v128.load (i32.add (local.get $a) (local.get $k))))))
              (local.set $k (i32.add (local.get $k) (i32.const 16)))
              (br_if $cols (i32.lt_u (local.get $k) (local.get $cpBytes))))))
        (local.set $a (i32.add (local.get $a) (local.get $cpBytes)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $rows))))

  ;; The float64 products of the solve's residual (src/core/wasm/rowProducts.ts):
  ;;   out[i * c + k] = sum_j float64(a[i * n + j]) * xT[k * n + j]   for i < rows and k < c,
  ;; a float32, xT and out float64, two products per instruction. Each row of a is widened once into
  ;; scratch (n float64), which then stays in cache for its c dot products.
  (func (export "rowProducts")
    (param $a i32) (param $xT i32) (param $out i32) (param $scratch i32) (param $n i32) (param $c i32)
    (param $rows i32)
    (local $i i32) (local $j i32) (local $k i32) (local $row i32) (local $x i32) (local $o i32)
    (local $even i32) (local $acc v128) (local $sum f64)
    (local.set $even (i32.and (local.get $n) (i32.const -2)))
    (local.set $row (local.get $a))
    (local.set $o (local.get $out))
    (block $rowsDone
      (loop $rowLoop
        (br_if $rowsDone (i32.ge_u (local.get $i) (local.get $rows)))
        (local.set $j (i32.const 0))
        (block $widened
          (loop $widen
            (br_if $widened (i32.ge_u (local.get $j) (local.get $n)))
            (f64.store
              (i32.add (local.get $scratch) (i32.shl (local.get $j) (i32.const 3)))
              (f64.promote_f32 (f32.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2))))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $widen)))
        (local.set $k (i32.const 0))
        (local.set $x (local.get $xT))
        (block $outputsDone
          (loop $outputs
            (br_if $outputsDone (i32.ge_u (local.get $k) (local.get $c)))
            (local.set $acc (f64x2.splat (f64.const 0)))
            (local.set $j (i32.const 0))
            (block $dotDone
              (loop $dot
                (br_if $dotDone (i32.ge_u (local.get $j) (local.get $even)))
                (local.set $acc
                  (f64x2.add
                    (local.get $acc)
                    (f64x2.mul
                      (v128.load (i32.add (local.get $scratch) (i32.shl (local.get $j) (i32.const 3))))
                      (v128.load (i32.add (local.get $x) (i32.shl (local.get $j) (i32.const 3)))))))
                (local.set $j (i32.add (local.get $j) (i32.const 2)))
                (br $dot)))
            (local.set $sum
              (f64.add (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc))))
            (if (i32.ne (local.get $even) (local.get $n))
              (then
                (local.set $sum
                  (f64.add
                    (local.get $sum)
                    (f64.mul
                      (f64.load (i32.add (local.get $scratch) (i32.shl (local.get $even) (i32.const 3))))
                      (f64.load (i32.add (local.get $x) (i32.shl (local.get $even) (i32.const 3)))))))))
            (f64.store (local.get $o) (local.get $sum))
            (local.set $o (i32.add (local.get $o) (i32.const 8)))
            (local.set $x (i32.add (local.get $x) (i32.shl (local.get $n) (i32.const 3))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $outputs)))
        (local.set $row (i32.add (local.get $row) (i32.shl (local.get $n) (i32.const 2))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rowLoop)))))
