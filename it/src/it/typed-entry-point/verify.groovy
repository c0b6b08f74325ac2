import java.util.jar.JarFile

// Everything the application needs at run time is in its jar.
new JarFile(new File(basedir, 'target/typed-entry-point-1.0.jar')).withCloseable { jar ->
  ['META-INF/wasmformer/demo.wfb', 'wasmformer/generated/Demo.class', 'wasmformer/generated/Demo$Holder.class',
   'app/App.class'].each { assert jar.getEntry(it) != null : "the jar has no ${it}" }
}

// The C programs compiled, the application compiled against the generated class, and it ran
// the programs on the transformer.
def log = new File(basedir, 'build.log').text

assert log.contains('[INFO] wasmformer: compiled 7 programs: ') : 'the programs were not compiled'
assert log.contains('[INFO] wasmformer: typed entry points in wasmformer.generated.Demo')
assert log.contains('fib(10) = 55') : 'the typed entry point gave no or a wrong result'
assert log.contains('fib(20) = 6765')
assert log.contains('hello printed: hi from C') : 'the whole program printed nothing'
assert log.contains('hello exited with 7')
// A C main(argc, argv) takes its arguments when the application runs it.
assert log.contains('greet printed: hello, Ada; hello, Grace; ') : 'the argv entry point printed no or wrong output'
assert log.contains('greet exited with 2')
// C floats and doubles arrive as Java floats and doubles, not as their bits.
assert log.contains('scale(1.5, -3) = -4.5') : 'the float entry point gave no or a wrong result'
assert log.contains('scale(-0.0, 2) = -0.0') : 'a negative zero lost its sign'
assert log.contains('average(2.5, 0.25) = 1.375') : 'the double entry point gave no or a wrong result'
// A C pointer parameter is a Java byte[]: the program's writes come back in the array.
assert log.contains('upcase("shout, please", 5) left SHOUT, please') : 'the byte[] entry point did not write back'
assert log.contains('checksum("abc") = ' + ((97 * 31 + 98) * 31 + 99)) : 'the byte[] entry point gave a wrong result'
assert log.contains('BUILD SUCCESS')
