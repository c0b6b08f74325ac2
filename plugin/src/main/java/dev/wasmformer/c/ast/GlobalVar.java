package dev.wasmformer.c.ast;

/**
 * An object with static storage defined by a translation unit (file-scope or block-scope
 * static). {@code init} is null for a tentative or zero-initialized definition.
 */
public record GlobalVar(Symbol symbol, Initializer init) {}
