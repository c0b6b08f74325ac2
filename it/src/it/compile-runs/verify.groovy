// The goal ran from the plugin this build made, compiled the one program, and the bundle
// became a resource of the project.
def log = new File(basedir, 'build.log').text

assert log.contains("wasmformer-maven-plugin:${pluginVersion}:compile (default) @ compile-runs") :
    'the compile goal did not run'
assert log.contains('[INFO] wasmformer: compiled 1 program: add into '
    + 'target/generated-resources/wasmformer/META-INF/wasmformer/compile-runs.wfb (') :
    'the goal did not report compiling add'
assert log.contains('BUILD SUCCESS')

def bundle = new File(basedir, 'target/generated-resources/wasmformer/META-INF/wasmformer/compile-runs.wfb')
assert bundle.isFile() : "no bundle at ${bundle}"
assert new String(bundle.bytes[0..7] as byte[], 'US-ASCII') == 'WFBUNDLE' : 'the bundle has no WFBUNDLE magic'

def copied = new File(basedir, 'target/classes/META-INF/wasmformer/compile-runs.wfb')
assert copied.isFile() : 'the bundle was not copied as a resource'
assert copied.bytes == bundle.bytes

assert new File(basedir, 'target/maven-status/wasmformer/default/state.txt').isFile() :
    'the goal kept no state for incremental builds'

// The typed entry points are Java source for javac (which runs later, in compile), in a
// generated source root.
def source = new File(basedir, 'target/generated-sources/wasmformer/wasmformer/generated/CompileRuns.java')
assert source.isFile() : 'no typed entry-point source was written'
assert source.text.contains('public static int add(int ') : 'the source has no typed method for add'
assert log.contains('[INFO] wasmformer: typed entry points in wasmformer.generated.CompileRuns'
    + ' (target/generated-sources/wasmformer)')
