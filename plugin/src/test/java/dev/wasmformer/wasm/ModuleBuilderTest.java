package dev.wasmformer.wasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleBuilderTest {
  private static final FuncType I32_TO_I32 = FuncType.of(List.of(ValType.I32), ValType.I32);

  @Test
  void aRecursiveFunctionRunsInChicory() {
    ModuleBuilder m = new ModuleBuilder();
    int fact = m.declareFunction("fact", I32_TO_I32);
    CodeBuilder c = m.newBody(fact);
    c.localGet(0).i32Const(2).op(Op.I32_LT_S).ifThen(ValType.I32).i32Const(1).elseBranch()
        .localGet(0).localGet(0).i32Const(1).op(Op.I32_SUB).call(fact).op(Op.I32_MUL).end();
    m.define(fact, c);
    m.exportFunction("fact", fact);

    Instance instance = Instance.builder(Parser.parse(m.build())).build();
    assertThat(instance.export("fact").apply(10)[0]).isEqualTo(3628800);
  }

  @Test
  void largeAndNegativeConstantsRoundTripThroughLeb128() {
    long[] values = {0, 1, -1, 63, 64, -64, -65, 127, 128, Integer.MAX_VALUE, Integer.MIN_VALUE,
        Long.MAX_VALUE, Long.MIN_VALUE, 0x1234_5678_9ABCL};
    for (long v : values) {
      ModuleBuilder m = new ModuleBuilder();
      int f = m.declareFunction("f", FuncType.of(List.of(), ValType.I64));
      CodeBuilder c = m.newBody(f);
      c.i64Const(v);
      m.define(f, c);
      m.exportFunction("f", f);
      Instance instance = Instance.builder(Parser.parse(m.build())).build();
      assertThat(instance.export("f").apply()[0]).as("constant %d", v).isEqualTo(v);
    }
  }

  @Test
  void importsMemoryDataGlobalsAndTheTableWorkTogether() {
    ModuleBuilder m = new ModuleBuilder();
    int putchar = m.importFunction("env", "putchar", I32_TO_I32);
    int counter = m.addGlobal(ValType.I32, true, 5);
    m.memory(1, -1);
    m.exportMemory("memory");
    m.data(100, "hi!".getBytes());
    int emit = m.declareFunction("emit", I32_TO_I32);
    int run = m.declareFunction("run", FuncType.of(List.of(), ValType.I32));
    m.table(2);
    m.elements(1, List.of(emit));

    CodeBuilder e = m.newBody(emit);
    e.localGet(0).mem(MemOp.I32_LOAD8_U, 100).call(putchar);
    m.define(emit, e);

    CodeBuilder r = m.newBody(run);
    int i = r.addLocal(ValType.I32);
    r.block(null).loop(null)
        .localGet(i).i32Const(3).op(Op.I32_GE_S).brIf(1)
        .localGet(i).i32Const(1).callIndirect(m.type(I32_TO_I32)).op(Op.DROP)
        .globalGet(counter).i32Const(1).op(Op.I32_ADD).globalSet(counter)
        .localGet(i).i32Const(1).op(Op.I32_ADD).localSet(i)
        .br(0).end().end()
        .globalGet(counter);
    m.define(run, r);
    m.exportFunction("run", run);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    HostFunction host = new HostFunction("env", "putchar",
        com.dylibso.chicory.wasm.types.FunctionType.of(
            List.of(com.dylibso.chicory.wasm.types.ValType.I32),
            List.of(com.dylibso.chicory.wasm.types.ValType.I32)),
        (inst, args) -> {
          out.write((int) args[0]);
          return new long[] {args[0]};
        });
    Instance instance = Instance.builder(Parser.parse(m.build()))
        .withImportValues(ImportValues.builder().addFunction(host).build()).build();
    assertThat(instance.export("run").apply()[0]).isEqualTo(8);
    assertThat(out.toString()).isEqualTo("hi!");
  }

  @Test
  void chicorysParserRejectsATypeIncorrectBodySoOurTestsValidateWhatWeEmit() {
    ModuleBuilder m = new ModuleBuilder();
    int f = m.declareFunction("f", FuncType.of(List.of(), ValType.I32));
    CodeBuilder c = m.newBody(f);
    c.i64Const(1); // an i64 where the signature promises an i32
    m.define(f, c);
    m.exportFunction("f", f);
    byte[] wasm = m.build();
    assertThatThrownBy(() -> Instance.builder(Parser.parse(wasm)).build())
        .isInstanceOf(com.dylibso.chicory.wasm.ChicoryException.class);
  }

  @Test
  void aBodyWithUnbalancedBlocksIsRefused() {
    ModuleBuilder m = new ModuleBuilder();
    int f = m.declareFunction("f", new FuncType(List.of(), List.of()));
    CodeBuilder c = m.newBody(f);
    c.block(null);
    assertThatThrownBy(() -> m.define(f, c)).hasMessageContaining("left open");
  }

  @Test
  void importsAfterFunctionsAreRefused() {
    ModuleBuilder m = new ModuleBuilder();
    m.declareFunction("f", I32_TO_I32);
    assertThatThrownBy(() -> m.importFunction("env", "g", I32_TO_I32))
        .hasMessageContaining("before functions");
  }
}
