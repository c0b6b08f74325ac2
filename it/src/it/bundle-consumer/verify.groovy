// The consumer resolved the attached bundle from the repository and ran it.
def log = new File(basedir, 'build.log').text

assert !log.contains('wasmformer-maven-plugin') : 'the consumer must not need the plugin'
assert log.contains('add(2, 40) from the attached bundle = 42') : 'the attached bundle did not run'
assert new File(basedir, 'target/classes/META-INF/wasmformer/bundle-producer.wfb').isFile()
