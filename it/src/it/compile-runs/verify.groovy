// The goal must have run in the sample build, from the plugin this build made.
def log = new File(basedir, 'build.log').text

assert log.contains("wasmformer-maven-plugin:${pluginVersion}:compile (default) @ compile-runs") :
    'the compile goal did not run'
assert log.contains('[INFO] wasmformer: nothing to compile yet') : 'the goal did not log its work'
assert log.contains('BUILD SUCCESS')
