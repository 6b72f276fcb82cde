;; One SIMD pass that finds where a key's needles may start (prefilter.ts builds the tables and
;; checks every candidate exactly). A "Teddy" filter: each needle gets a 3-byte fingerprint and a
;; bucket (one bit of 8); for each of the 3 fingerprint bytes, two 16-entry tables give the buckets
;; whose byte there has that low and that high nibble. A position is a candidate for the buckets
;; that all six lookups agree on (low nibble: the byte AND 15; high nibble: the byte >> 4). A
;; bucket passes any byte whose two nibbles it has seen, even in different bytes (`g` and `7` let
;; `w` through), so candidates are a superset of the real starts: prefilter.ts checks each one.
;;
;; Memory (prefilter.ts mirrors these offsets):
;;   0 .. 96       the tables: low and high nibble for fingerprint bytes 0, 1 and 2
;;   96 .. 112     the buckets of the last 16 positions, read lane by lane
;;   1024 ..       candidates, one i32 each: position << 8 | buckets
;;   65536 ..      the bytes to scan, with room after them for loads that reach past the end
(module
  (memory (export "memory") 6)

  ;; Candidates at positions [from, to) of the input, at most `capacity` of them; returns how many.
  ;; A caller that gets `capacity` back goes on from the last candidate's position + 1.
  (func (export "scan") (param $from i32) (param $to i32) (param $capacity i32) (result i32)
    (local $at i32) (local $count i32) (local $lanes i32) (local $lane i32)
    (local $low0 v128) (local $high0 v128) (local $low1 v128) (local $high1 v128) (local $low2 v128) (local $high2 v128)
    (local $found v128) (local $bytes v128) (local $fifteen v128)
    (local.set $fifteen (v128.const i8x16 15 15 15 15 15 15 15 15 15 15 15 15 15 15 15 15))
    (local.set $low0 (v128.load (i32.const 0)))
    (local.set $high0 (v128.load (i32.const 16)))
    (local.set $low1 (v128.load (i32.const 32)))
    (local.set $high1 (v128.load (i32.const 48)))
    (local.set $low2 (v128.load (i32.const 64)))
    (local.set $high2 (v128.load (i32.const 80)))
    (local.set $at (local.get $from))
    (block $done
      (loop $block
        (br_if $done (i32.ge_u (local.get $at) (local.get $to)))
        (local.set $found
          (v128.and
            (v128.and
              (v128.and
                (i8x16.swizzle (local.get $low0) (v128.and (local.tee $bytes (v128.load offset=65536 (local.get $at))) (local.get $fifteen)))
                (i8x16.swizzle (local.get $high0) (i8x16.shr_u (local.get $bytes) (i32.const 4))))
              (v128.and
                (i8x16.swizzle (local.get $low1) (v128.and (local.tee $bytes (v128.load offset=65537 (local.get $at))) (local.get $fifteen)))
                (i8x16.swizzle (local.get $high1) (i8x16.shr_u (local.get $bytes) (i32.const 4)))))
            (v128.and
                (i8x16.swizzle (local.get $low2) (v128.and (local.tee $bytes (v128.load offset=65538 (local.get $at))) (local.get $fifteen)))
                (i8x16.swizzle (local.get $high2) (i8x16.shr_u (local.get $bytes) (i32.const 4))))))
        (if (v128.any_true (local.get $found))
          (then
            (local.set $lanes (i8x16.bitmask (i8x16.ne (local.get $found) (v128.const i64x2 0 0))))
            ;; The last block may reach past `to`.
            (if (i32.lt_u (i32.sub (local.get $to) (local.get $at)) (i32.const 16))
              (then (local.set $lanes (i32.and (local.get $lanes)
                (i32.sub (i32.shl (i32.const 1) (i32.sub (local.get $to) (local.get $at))) (i32.const 1))))))
            (v128.store (i32.const 96) (local.get $found))
            (block $emitted
              (loop $emit
                (br_if $emitted (i32.eqz (local.get $lanes)))
                (if (i32.eq (local.get $count) (local.get $capacity)) (then (return (local.get $count))))
                (local.set $lane (i32.ctz (local.get $lanes)))
                (i32.store offset=1024
                  (i32.shl (local.get $count) (i32.const 2))
                  (i32.or
                    (i32.shl (i32.add (local.get $at) (local.get $lane)) (i32.const 8))
                    (i32.load8_u offset=96 (local.get $lane))))
                (local.set $count (i32.add (local.get $count) (i32.const 1)))
                (local.set $lanes (i32.and (local.get $lanes) (i32.sub (local.get $lanes) (i32.const 1))))
                (br $emit)))))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $block)))
    (local.get $count))
)
