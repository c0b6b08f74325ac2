import java.util.jar.JarFile

// -Dwasmformer.specialize=true (test.properties): each program got a model of its own, with
// its code in the weights, and the typed entry points run them with the universal results.
new JarFile(new File(basedir, 'target/specialized-1.0.jar')).withCloseable { jar ->
  ['META-INF/wasmformer/demo.wfb', 'wasmformer/generated/Demo.class', 'app/App.class'].each {
    assert jar.getEntry(it) != null : "the jar has no ${it}"
  }
}

def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] wasmformer: compiled 2 programs: fib, hello into ') : 'the programs were not compiled'
assert log.contains('fib(10) = 55') : 'the specialized fib gave no or a wrong result'
assert log.contains('fib(20) = 6765')
assert log.contains('hello printed: hi from C')
assert log.contains('hello exited with 7')
assert log.contains('BUILD SUCCESS')

def bundle = new File(basedir, 'target/generated-resources/wasmformer/META-INF/wasmformer/demo.wfb')
def text = new String(bundle.bytes, 'ISO-8859-1')
// the metadata's settings entry specialize = true (a protobuf map entry: key, then value)
assert text.contains('specialize\u0012\u0004true') : 'the bundle was not built with specialize=true'
