;; The source of the .wasm beside it (the sample builds cannot assemble text).
;; Regenerate every .wasm of the integration tests from its .wat with:
;;   mvn -pl plugin -am test -Dtest=ItFixturesTest -Dsurefire.failIfNoSpecifiedTests=false -Dwasmformer.regenerateFixtures=true
(module
  (func (export "add") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.add))
