// The bundle was attached and installed as bundle-producer-1.0-wasmformer.wfb.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] wasmformer: compiled 1 program: add into ')

def built = new File(basedir, 'target/generated-resources/wasmformer/META-INF/wasmformer/bundle-producer.wfb')
def installed = new File(localRepositoryPath,
    'dev/wasmformer/it/bundle-producer/1.0/bundle-producer-1.0-wasmformer.wfb')
assert installed.isFile() : "the attached bundle was not installed at ${installed}"
assert installed.bytes == built.bytes
