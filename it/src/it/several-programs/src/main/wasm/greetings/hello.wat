;; The source of the .wasm beside it (the sample builds cannot assemble text).
;; Regenerate every .wasm of the integration tests from its .wat with:
;;   mvn -pl plugin -am test -Dtest=ItFixturesTest -Dsurefire.failIfNoSpecifiedTests=false -Dwasmformer.regenerateFixtures=true
(module
  ;; A whole program: prints "hi" and a newline, and exits with status 7.
  (import "env" "putchar" (func $putchar (param i32) (result i32)))
  (func (export "main") (result i32)
    i32.const 104
    call $putchar
    drop
    i32.const 105
    call $putchar
    drop
    i32.const 10
    call $putchar
    drop
    i32.const 7))
