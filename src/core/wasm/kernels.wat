;; The inner loops of the engine in WebAssembly SIMD (128-bit), where V8's plain loops run at ~1-3 ns per
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
  ;; a float32, xT and out float64, two products per instruction. Rows go four at a time: they are widened
  ;; into scratch (4 n float64), and each pass over a row of xT serves all four, with four independent
  ;; accumulators. One row per pass was bound by the latency of its one accumulator and by reading xT (at
  ;; n = 1861, c = 61 it is 0.9 MB, past the core's L2 cache) once per row.
  (func (export "rowProducts")
    (param $a i32) (param $xT i32) (param $out i32) (param $scratch i32) (param $n i32) (param $c i32)
    (param $rows i32)
    (local $i i32) (local $k i32) (local $at i32) (local $x i32) (local $o i32) (local $group i32)
    (local $evenBytes i32) (local $stride i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $xv v128) (local $acc0 v128) (local $acc1 v128) (local $acc2 v128) (local $acc3 v128)
    (local.set $evenBytes (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3)))
    (local.set $stride (i32.shl (local.get $n) (i32.const 3)))
    (local.set $s1 (i32.add (local.get $scratch) (local.get $stride)))
    (local.set $s2 (i32.add (local.get $s1) (local.get $stride)))
    (local.set $s3 (i32.add (local.get $s2) (local.get $stride)))
    (block $rowsDone
      (loop $rowGroups
        (br_if $rowsDone (i32.ge_u (local.get $i) (local.get $rows)))
        (local.set $group (i32.sub (local.get $rows) (local.get $i)))
        (if (i32.gt_u (local.get $group) (i32.const 4)) (then (local.set $group (i32.const 4))))
        ;; The group's rows are consecutive in a: widen them in one run. Rows past a short group keep
        ;; whatever scratch held; their sums are never stored.
        (call $widen
          (i32.add (local.get $a) (i32.shl (i32.mul (local.get $i) (local.get $n)) (i32.const 2)))
          (local.get $scratch)
          (i32.mul (local.get $group) (local.get $n)))
        (local.set $o (i32.add (local.get $out) (i32.shl (i32.mul (local.get $i) (local.get $c)) (i32.const 3))))
        (local.set $x (local.get $xT))
        (local.set $k (i32.const 0))
        (block $outputsDone
          (loop $outputs
            (br_if $outputsDone (i32.ge_u (local.get $k) (local.get $c)))
            (local.set $acc0 (f64x2.splat (f64.const 0)))
            (local.set $acc1 (local.get $acc0))
            (local.set $acc2 (local.get $acc0))
            (local.set $acc3 (local.get $acc0))
            (local.set $at (i32.const 0))
            (block $dotDone
              (loop $dot
                (br_if $dotDone (i32.ge_u (local.get $at) (local.get $evenBytes)))
                (local.set $xv (v128.load (i32.add (local.get $x) (local.get $at))))
                (local.set $acc0
                  (f64x2.add (local.get $acc0)
                    (f64x2.mul (local.get $xv) (v128.load (i32.add (local.get $scratch) (local.get $at))))))
                (local.set $acc1
                  (f64x2.add (local.get $acc1)
                    (f64x2.mul (local.get $xv) (v128.load (i32.add (local.get $s1) (local.get $at))))))
                (local.set $acc2
                  (f64x2.add (local.get $acc2)
                    (f64x2.mul (local.get $xv) (v128.load (i32.add (local.get $s2) (local.get $at))))))
                (local.set $acc3
                  (f64x2.add (local.get $acc3)
                    (f64x2.mul (local.get $xv) (v128.load (i32.add (local.get $s3) (local.get $at))))))
                (local.set $at (i32.add (local.get $at) (i32.const 16)))
                (br $dot)))
            (f64.store (local.get $o)
              (call $finish (local.get $acc0) (local.get $scratch) (local.get $x) (local.get $evenBytes) (local.get $stride)))
            (if (i32.gt_u (local.get $group) (i32.const 1))
              (then
                (f64.store (i32.add (local.get $o) (i32.shl (local.get $c) (i32.const 3)))
                  (call $finish (local.get $acc1) (local.get $s1) (local.get $x) (local.get $evenBytes) (local.get $stride)))))
            (if (i32.gt_u (local.get $group) (i32.const 2))
              (then
                (f64.store (i32.add (local.get $o) (i32.shl (local.get $c) (i32.const 4)))
                  (call $finish (local.get $acc2) (local.get $s2) (local.get $x) (local.get $evenBytes) (local.get $stride)))))
            (if (i32.gt_u (local.get $group) (i32.const 3))
              (then
                (f64.store (i32.add (local.get $o) (i32.mul (local.get $c) (i32.const 24)))
                  (call $finish (local.get $acc3) (local.get $s3) (local.get $x) (local.get $evenBytes) (local.get $stride)))))
            (local.set $o (i32.add (local.get $o) (i32.const 8)))
            (local.set $x (i32.add (local.get $x) (local.get $stride)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $outputs)))
        (local.set $i (i32.add (local.get $i) (local.get $group)))
        (br $rowGroups))))

;; The one-hot AGOP's column sums (src/core/wasm/oneHotSums.ts), four floats per instruction:
  ;;   out[k] = sum over r < rows of src[r * rowStride + k]   for k < length (all in bytes, multiples of 16).
  (func (export "sumRows")
    (param $src i32) (param $rows i32) (param $rowStride i32) (param $length i32) (param $out i32)
    (local $k i32) (local $r i32) (local $at i32) (local $acc v128)
    (block $done
      (loop $columns
        (br_if $done (i32.ge_u (local.get $k) (local.get $length)))
        (local.set $acc (f32x4.splat (f32.const 0)))
        (local.set $at (i32.add (local.get $src) (local.get $k)))
        (local.set $r (i32.const 0))
        (block $rowsDone
          (loop $rowLoop
            (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
            (local.set $acc (f32x4.add (local.get $acc) (v128.load (local.get $at))))
            (local.set $at (i32.add (local.get $at) (local.get $rowStride)))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br $rowLoop)))
        (v128.store (i32.add (local.get $out) (local.get $k)) (local.get $acc))
        (local.set $k (i32.add (local.get $k) (i32.const 16)))
        (br $columns))))

  ;; dst[r * rowStride + k] -= vec[k]   for r < rows and k < length (bytes, multiples of 16).
  (func (export "subtractFromRows")
    (param $dst i32) (param $rows i32) (param $rowStride i32) (param $length i32) (param $vec i32)
    (local $k i32) (local $r i32) (local $row i32)
    (local.set $row (local.get $dst))
    (block $done
      (loop $rowLoop
        (br_if $done (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $k (i32.const 0))
        (block $columnsDone
          (loop $columns
            (br_if $columnsDone (i32.ge_u (local.get $k) (local.get $length)))
            (v128.store
              (i32.add (local.get $row) (local.get $k))
              (f32x4.sub
                (v128.load (i32.add (local.get $row) (local.get $k)))
                (v128.load (i32.add (local.get $vec) (local.get $k)))))
            (local.set $k (i32.add (local.get $k) (i32.const 16)))
            (br $columns)))
        (local.set $row (i32.add (local.get $row) (local.get $rowStride)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rowLoop))))

  ;; to[j] = float64(from[j]) for j < count (from: float32).
  (func $widen (param $from i32) (param $to i32) (param $count i32)
    (local $j i32)
    (block $done
      (loop $values
        (br_if $done (i32.ge_u (local.get $j) (local.get $count)))
        (f64.store
          (i32.add (local.get $to) (i32.shl (local.get $j) (i32.const 3)))
          (f64.promote_f32 (f32.load (i32.add (local.get $from) (i32.shl (local.get $j) (i32.const 2))))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $values))))

  ;; The sum of acc's two lanes, plus the last product of an odd-length row (row s, xT row x; evenBytes and
  ;; rowBytes: the even part's and the whole row's length in bytes).
  (func $finish (param $acc v128) (param $s i32) (param $x i32) (param $evenBytes i32) (param $rowBytes i32)
    (result f64)
    (local $sum f64)
    (local.set $sum (f64.add (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc))))
    (if (i32.ne (local.get $evenBytes) (local.get $rowBytes))
      (then
        (local.set $sum
          (f64.add (local.get $sum)
            (f64.mul
              (f64.load (i32.add (local.get $s) (local.get $evenBytes)))
              (f64.load (i32.add (local.get $x) (local.get $evenBytes))))))))
    (local.get $sum))

    ;; dot(x[0 .. len), y[0 .. len)) in float64, two products per instruction (x, y: byte offsets).
  (func $dot (param $x i32) (param $y i32) (param $len i32) (result f64)
    (local $j i32) (local $even i32) (local $acc v128) (local $sum f64)
    (local.set $even (i32.and (local.get $len) (i32.const -2)))
    (local.set $acc (f64x2.splat (f64.const 0)))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $j) (local.get $even)))
        (local.set $acc
          (f64x2.add
            (local.get $acc)
            (f64x2.mul
              (v128.load (i32.add (local.get $x) (i32.shl (local.get $j) (i32.const 3))))
              (v128.load (i32.add (local.get $y) (i32.shl (local.get $j) (i32.const 3)))))))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $pairs)))
    (local.set $sum (f64.add (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc))))
    (if (i32.ne (local.get $even) (local.get $len))
      (then
        (local.set $sum
          (f64.add
            (local.get $sum)
            (f64.mul
              (f64.load (i32.add (local.get $x) (i32.shl (local.get $even) (i32.const 3))))
              (f64.load (i32.add (local.get $y) (i32.shl (local.get $even) (i32.const 3)))))))))
    (local.get $sum))

  ;; The lower Cholesky factor of the row-major float64 [b, b] matrix a (lower triangle read) into l, whose
  ;; upper triangle must be zero (src/core/linalg/cholesky.ts). Returns 1, or 0 when a pivot is not positive.
  (func (export "cholesky") (param $a i32) (param $l i32) (param $b i32) (result i32)
    (local $i i32) (local $j i32) (local $rowI i32) (local $rowJ i32) (local $s f64) (local $stride i32)
    (local.set $stride (i32.shl (local.get $b) (i32.const 3)))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $i) (local.get $b)))
        (local.set $rowI (i32.mul (local.get $i) (local.get $stride)))
        (local.set $j (i32.const 0))
        (block $colsDone
          (loop $cols
            (br_if $colsDone (i32.gt_u (local.get $j) (local.get $i)))
            (local.set $rowJ (i32.mul (local.get $j) (local.get $stride)))
            (local.set $s
              (f64.sub
                (f64.load (i32.add (local.get $a) (i32.add (local.get $rowI) (i32.shl (local.get $j) (i32.const 3)))))
                (call $dot
                  (i32.add (local.get $l) (local.get $rowI))
                  (i32.add (local.get $l) (local.get $rowJ))
                  (local.get $j))))
            (if (i32.lt_u (local.get $j) (local.get $i))
              (then
                (f64.store
                  (i32.add (local.get $l) (i32.add (local.get $rowI) (i32.shl (local.get $j) (i32.const 3))))
                  (f64.div
                    (local.get $s)
                    (f64.load (i32.add (local.get $l) (i32.add (local.get $rowJ) (i32.shl (local.get $j) (i32.const 3))))))))
              (else
                (if (i32.eqz (f64.gt (local.get $s) (f64.const 0))) (then (return (i32.const 0))))
                (f64.store
                  (i32.add (local.get $l) (i32.add (local.get $rowI) (i32.shl (local.get $i) (i32.const 3))))
                  (f64.sqrt (local.get $s)))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $cols)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows)))
    (i32.const 1))

  ;; The inverse of the row-major float64 lower-triangular [b, b] matrix l into inv, which must be zero on
  ;; entry: row i is (e_i - sum_{k<i} l[i, k] inv[k, :]) / l[i, i], inv[k, :] ending at column k.
  (func (export "invertLower") (param $l i32) (param $inv i32) (param $b i32)
    (local $i i32) (local $k i32) (local $j i32) (local $rowI i32) (local $rowK i32) (local $stride i32)
    (local $lik f64) (local $likv v128) (local $scale f64) (local $len i32) (local $at i32)
    (local.set $stride (i32.shl (local.get $b) (i32.const 3)))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $i) (local.get $b)))
        (local.set $rowI (i32.add (local.get $inv) (i32.mul (local.get $i) (local.get $stride))))
        (local.set $k (i32.const 0))
        (block $termsDone
          (loop $terms
            (br_if $termsDone (i32.ge_u (local.get $k) (local.get $i)))
            (local.set $lik
              (f64.load
                (i32.add (local.get $l) (i32.add (i32.mul (local.get $i) (local.get $stride)) (i32.shl (local.get $k) (i32.const 3))))))
            (if (f64.ne (local.get $lik) (f64.const 0))
              (then
                (local.set $likv (f64x2.splat (local.get $lik)))
                (local.set $rowK (i32.add (local.get $inv) (i32.mul (local.get $k) (local.get $stride))))
                ;; inv[i, 0 .. k] -= lik * inv[k, 0 .. k]: k + 1 entries, in pairs, then the odd one
                (local.set $len (i32.add (local.get $k) (i32.const 1)))
                (local.set $j (i32.const 0))
                (block $pairsDone
                  (loop $pairs
                    (br_if $pairsDone (i32.gt_u (i32.add (local.get $j) (i32.const 2)) (local.get $len)))
                    (local.set $at (i32.shl (local.get $j) (i32.const 3)))
                    (v128.store
                      (i32.add (local.get $rowI) (local.get $at))
                      (f64x2.sub
                        (v128.load (i32.add (local.get $rowI) (local.get $at)))
                        (f64x2.mul (local.get $likv) (v128.load (i32.add (local.get $rowK) (local.get $at))))))
                    (local.set $j (i32.add (local.get $j) (i32.const 2)))
                    (br $pairs)))
                (if (i32.lt_u (local.get $j) (local.get $len))
                  (then
                    (local.set $at (i32.shl (local.get $j) (i32.const 3)))
                    (f64.store
                      (i32.add (local.get $rowI) (local.get $at))
                      (f64.sub
                        (f64.load (i32.add (local.get $rowI) (local.get $at)))
                        (f64.mul (local.get $lik) (f64.load (i32.add (local.get $rowK) (local.get $at))))))))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $terms)))
        (local.set $scale
          (f64.div
            (f64.const 1)
            (f64.load
              (i32.add (local.get $l) (i32.add (i32.mul (local.get $i) (local.get $stride)) (i32.shl (local.get $i) (i32.const 3)))))))
        (local.set $j (i32.const 0))
        (block $scaled
          (loop $scale
            (br_if $scaled (i32.ge_u (local.get $j) (local.get $i)))
            (local.set $at (i32.add (local.get $rowI) (i32.shl (local.get $j) (i32.const 3))))
            (f64.store (local.get $at) (f64.mul (f64.load (local.get $at)) (local.get $scale)))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $scale)))
        (f64.store (i32.add (local.get $rowI) (i32.shl (local.get $i) (i32.const 3))) (local.get $scale))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows))))

  ;; The Gaussian patch kernel's exponentials (src/core/conv/patchExp.ts): for each float32 v at src,
  ;;   dst += exp(v)  (accumulate = 1)   or   dst = exp(v)  (accumulate = 0),
  ;; four at a time; bytes is a multiple of 16, dst may equal src. tfjs-wasm's exp is a scalar libm call
  ;; (~8 ns a value, 36 million a kernel matrix at n = 500 and 144 patch positions); this is Cephes' expf
  ;; (range reduction by ln 2 in two parts, a degree-6 polynomial, 2^k from the exponent bits), relative
  ;; error ~1e-7 like the libm's float32 exp. Below -87.34 (2^-126) the value is 0; above 88 it is e^88.
  (func (export "expAccumulate") (param $src i32) (param $dst i32) (param $bytes i32) (param $accumulate i32)
    (local $k i32) (local $x v128) (local $fx v128) (local $r v128) (local $y v128) (local $e v128)
    (local $under v128)
    (local $lo v128) (local $hi v128) (local $log2e v128) (local $c1 v128) (local $c2 v128) (local $p0 v128) (local $p1 v128) (local $p2 v128) (local $p3 v128) (local $p4 v128) (local $p5 v128) (local $one v128) (local $bias v128)
    (local $magic v128) (local $t v128)
    (local.set $lo (f32x4.splat (f32.const -87.33654)))
    (local.set $hi (f32x4.splat (f32.const 88)))
    (local.set $log2e (f32x4.splat (f32.const 1.442695)))
    (local.set $c1 (f32x4.splat (f32.const 0.693359375)))
    (local.set $c2 (f32x4.splat (f32.const 2.12194440e-4)))
    (local.set $p0 (f32x4.splat (f32.const 1.9875691500e-4)))
    (local.set $p1 (f32x4.splat (f32.const 1.3981999507e-3)))
    (local.set $p2 (f32x4.splat (f32.const 8.3334519073e-3)))
    (local.set $p3 (f32x4.splat (f32.const 4.1665795894e-2)))
    (local.set $p4 (f32x4.splat (f32.const 1.6666665459e-1)))
    (local.set $p5 (f32x4.splat (f32.const 5.0000001201e-1)))
    (local.set $one (f32x4.splat (f32.const 1)))
    (local.set $magic (f32x4.splat (f32.const 12582912)))
    ;; 127 - 0x4b400000: the sum's bits plus this are k + 127, the biased exponent of 2^k
    (local.set $bias (i32x4.splat (i32.const -1262485377)))
    (block $done
      (loop $values
        (br_if $done (i32.ge_u (local.get $k) (local.get $bytes)))
        (local.set $x (v128.load (i32.add (local.get $src) (local.get $k))))
        (local.set $under (f32x4.lt (local.get $x) (local.get $lo)))
        (local.set $x
          (f32x4.pmin (f32x4.pmax (local.get $x) (local.get $lo)) (local.get $hi)))
        ;; k = round(x log2 e) by adding 1.5 * 2^23: the sum's low bits are k (and its exponent bits 0x4b40...)
        (local.set $t (f32x4.add (f32x4.mul (local.get $x) (local.get $log2e)) (local.get $magic)))
        (local.set $fx (f32x4.sub (local.get $t) (local.get $magic)))
        (local.set $r
          (f32x4.add
            (f32x4.sub
              (local.get $x)
              (f32x4.mul (local.get $fx) (local.get $c1)))
            (f32x4.mul (local.get $fx) (local.get $c2))))
        (local.set $y
          (f32x4.add
            (f32x4.mul (local.get $p0) (local.get $r))
            (local.get $p1)))
        (local.set $y
          (f32x4.add
            (f32x4.mul (local.get $y) (local.get $r))
            (local.get $p2)))
        (local.set $y
          (f32x4.add
            (f32x4.mul (local.get $y) (local.get $r))
            (local.get $p3)))
        (local.set $y
          (f32x4.add
            (f32x4.mul (local.get $y) (local.get $r))
            (local.get $p4)))
        (local.set $y
          (f32x4.add
            (f32x4.mul (local.get $y) (local.get $r))
            (local.get $p5)))
        ;; e^r = 1 + r + r^2 y, times 2^k built in the exponent bits (k is in [-126, 127])
        (local.set $y
          (f32x4.add
            (f32x4.add (f32x4.mul (local.get $y) (f32x4.mul (local.get $r) (local.get $r))) (local.get $r))
            (local.get $one)))
        (local.set $e
          (v128.andnot
            (f32x4.mul
              (local.get $y)
              (i32x4.shl (i32x4.add (local.get $t) (local.get $bias)) (i32.const 23)))
            (local.get $under)))
        (if (local.get $accumulate)
          (then
            (local.set $e (f32x4.add (local.get $e) (v128.load (i32.add (local.get $dst) (local.get $k)))))))
        (v128.store (i32.add (local.get $dst) (local.get $k)) (local.get $e))
        (local.set $k (i32.add (local.get $k) (i32.const 16)))
        (br $values)))))
