// Both broken programs are reported, each with file:line:col, the source line and a caret.
def log = new File(basedir, 'build.log').text

assert log.contains('BUILD FAILURE')
assert log.contains('[ERROR] src/main/c/broken.c:6:15: error: expected \';\' after expression\n'
    + '    total += i\n'
    + '              ^') : 'the missing semicolon is not reported with its file, line, column and caret'
assert log.contains('[ERROR] src/main/c/undeclared.c:2:10: error: use of undeclared identifier \'missing\'\n'
    + '  return missing;\n'
    + '         ^') : 'the undeclared identifier is not reported with its source line and caret'
assert log.contains('wasmformer: 2 errors; the first: src/main/c/broken.c:6:') :
    'the failure does not summarize the errors'
assert !new File(basedir, 'target/generated-resources/wasmformer/META-INF/wasmformer/c-syntax-error.wfb').exists() :
    'a failed build left a bundle'
