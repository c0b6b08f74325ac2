;; The source of the .wasm beside it (the sample builds cannot assemble text).
;; Regenerate every .wasm of the integration tests from its .wat with:
;;   mvn -pl plugin -am test -Dtest=ItFixturesTest -Dsurefire.failIfNoSpecifiedTests=false -Dwasmformer.regenerateFixtures=true
(module
  ;; Two entry points, and a helper whose leading underscore keeps it from being one.
  (func (export "twice") (param i32) (result i32)
    local.get 0
    call $_double)
  (func (export "thrice") (param i32) (result i32)
    local.get 0
    call $_double
    local.get 0
    i32.add)
  (func $_double (export "_double") (param i32) (result i32)
    local.get 0
    local.get 0
    i32.add))
