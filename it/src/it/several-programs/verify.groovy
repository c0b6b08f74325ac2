// The C program, every exported function (but the underscored helper) and the whole program
// are in one bundle.
def log = new File(basedir, 'build.log').text

assert log.contains('[INFO] wasmformer: compiled 5 programs: countdown, add, hello, twice, thrice into ') :
    'the bundle does not hold the five programs, C files first, each in file order'
assert !log.contains('_double') : 'a helper with a leading underscore became a program'

assert log.contains('[INFO] wasmformer: running thrice(14) on the transformer (hull attention)')
assert log.contains('[INFO] wasmformer: thrice(14) = 42') : 'the run goal gave no or a wrong result'
assert log =~ /\[INFO\] wasmformer: [0-9,]+ tokens, [0-9,]+ instructions, [0-9.]+ s, [0-9,]+ tokens\/s/ :
    'no statistics line'

assert log.contains('[INFO] wasmformer: running hello() on the transformer')
assert log.contains('\nhi\n') : 'the whole program\'s output was not printed'
assert log.contains('[INFO] wasmformer: hello() = 7')

assert log.contains('3... 2... 1... liftoff') : 'the C program did not run'
assert log.contains('[INFO] wasmformer: countdown() = 0')

def bundle = new File(basedir, 'target/generated-resources/wasmformer/META-INF/wasmformer/several-programs.wfb')
assert bundle.isFile()
