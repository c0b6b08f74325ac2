;; The source of the .wasm beside it (the sample builds cannot assemble text).
;; Regenerate every .wasm of the integration tests from its .wat with:
;;   mvn -pl plugin -am test -Dtest=ItFixturesTest -Dsurefire.failIfNoSpecifiedTests=false -Dwasmformer.regenerateFixtures=true
(module
  ;; fib(n): the n-th Fibonacci number, iteratively.
  (func (export "fib") (param $n i32) (result i32)
    (local $a i32) (local $b i32) (local $t i32)
    i32.const 1
    local.set $b
    block $done
      loop $next
        local.get $n
        i32.eqz
        br_if $done
        local.get $a
        local.get $b
        i32.add
        local.set $t
        local.get $b
        local.set $a
        local.get $t
        local.set $b
        local.get $n
        i32.const 1
        i32.sub
        local.set $n
        br $next
      end
    end
    local.get $a))
