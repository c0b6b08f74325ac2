/**
 * Tests of modules built by other toolchains (clang, clang with wasi-libc): they lower, and run
 * on the transformer as on Chicory and as gcc's native build. Needs clang; skipped without it
 * except on CI.
 */
package dev.wasmformer.toolchain;
