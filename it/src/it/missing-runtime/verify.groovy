def log = new File(basedir, 'build.log').text

assert log.contains('[INFO] wasmformer: compiled 1 program: twice into ') : 'the program did not compile'
assert log.contains('wasmformer: the typed entry points in wasmformer.generated.MissingRuntime need'
    + ' dev.wasmformer:wasmformer-runtime on the compile classpath; add it to the project\'s <dependencies>') :
    'the goal did not say that the runtime is missing'
// The goal failed before javac could fail on the generated source.
assert !log.contains('COMPILATION ERROR') : 'javac ran on a class that cannot compile'
