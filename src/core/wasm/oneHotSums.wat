;; The inner loop of the one-hot AGOP (src/core/oneHotGroups.ts), in WebAssembly SIMD:
;;   acc[hot[j] + k] += w[j] * alpha[j * cp + k]   for j < n and k < cp,
;; four outputs per instruction. All arguments are byte offsets into the exported memory, except n; cpBytes
;; is the padded row length of alpha and acc in bytes (a positive multiple of 16), and hot[j] is already
;; the byte offset of row j's value in acc. Rebuild the embedded binary with `node scripts/build-wasm.mjs`.
(module
  (memory (export "memory") 1)
  (func (export "sums")
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
        (br $rows)))))
