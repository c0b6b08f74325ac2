// The first build compiles; the second finds the same inputs and compiles nothing.
def log = new File(basedir, 'build.log').text

def compiled = log.findAll(/\[INFO\] wasmformer: compiled 1 program: fib into /)
assert compiled.size() == 1 : "compiled ${compiled.size()} times, expected once"
def upToDate = log.findAll(/\[INFO\] wasmformer: up-to-date is up to date \(1 program: fib\), nothing to compile/)
assert upToDate.size() == 1 : 'the second build did not report that it was up to date'
assert log.indexOf('compiled 1 program') < log.indexOf('is up to date') : 'the builds ran in the wrong order'

assert new File(basedir, 'target/generated-resources/wasmformer/META-INF/wasmformer/up-to-date.wfb').isFile()
assert new File(basedir, 'target/classes/META-INF/wasmformer/up-to-date.wfb').isFile()

// The generated source was left alone, so javac found nothing to do the second time.
assert new File(basedir, 'target/generated-sources/wasmformer/wasmformer/generated/UpToDate.java').isFile()
assert new File(basedir, 'target/classes/wasmformer/generated/UpToDate.class').isFile() :
    'javac did not compile the generated class'
def javacRuns = log.findAll(/Compiling 1 source file/)
assert javacRuns.size() == 1 : "javac compiled ${javacRuns.size()} times, expected once"
assert log.contains('Nothing to compile - all classes are up to date') : 'javac recompiled an unchanged build'
