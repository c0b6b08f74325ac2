def log = new File(basedir, 'build.log').text

// First build: the typed class was generated as source and compiled with the application.
assert log.contains('[INFO] wasmformer: compiled 2 programs: extra, twice into ') : 'the first build did not compile both'
assert log.contains('[INFO] wasmformer: typed entry points in wasmformer.generated.EntryPointRemoved'
    + ' (target/generated-sources/wasmformer)')

// Second build: one program left, the class rewritten, and javac recompiled the caller.
assert log.contains('[INFO] wasmformer: compiled 1 program: twice into ') : 'the second build did not recompile'
assert log =~ /App\.java:\[\d+,\d+\] cannot find symbol/ : 'javac did not report the call to the removed entry point'
assert log.contains('symbol:   method extra(int)')
def source = new File(basedir, 'target/generated-sources/wasmformer/wasmformer/generated/EntryPointRemoved.java').text
assert !source.contains('extra') : 'the generated class still has the removed program'
