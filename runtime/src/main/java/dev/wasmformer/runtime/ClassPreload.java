package dev.wasmformer.runtime;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads, on a daemon thread, the classes that a bundle's load and its first run need after
 * the file's first bytes are parsed, while the loading thread parses them: in a fresh JVM,
 * reading and defining these ~150 classes from the jar is a good part of a cold load, and the
 * second core is otherwise idle then. Once per JVM; it loads classes without initializing
 * them, so it runs no code of theirs and cannot deadlock with the loading thread.
 */
final class ClassPreload {
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  /**
   * The classes, by name under {@code dev.wasmformer.runtime.}, in the order a load first
   * uses them (a renamed class only loses its prefetch; ClassPreloadTest checks the list).
   */
  static final String[] CLASSES = {
      "format.BundleOrBuilder", "format.Bundle", "format.ModelShapeOrBuilder",
      "format.WeightsOrBuilder", "format.VocabularyOrBuilder", "format.MetadataOrBuilder",
      "format.Bundle$1", "format.Bundle$Builder", "format.ProgramOrBuilder", "format.Program",
      "format.NamedModelOrBuilder", "format.NamedModel", "format.ModelShape", "format.Weights",
      "format.Vocabulary", "format.Metadata", "format.ModelShape$1", "format.ModelShape$Builder",
      "format.MatrixOrBuilder", "format.Weights$1", "format.Weights$Builder",
      "format.LayerOrBuilder", "format.Layer", "format.Matrix", "format.DenseValuesOrBuilder",
      "format.SparseValuesOrBuilder", "format.PackedRowsOrBuilder", "format.Matrix$1",
      "format.Matrix$Builder", "format.DenseValues", "format.SparseValues", "format.PackedRows",
      "format.PackedRows$1", "format.PackedRows$Builder", "format.FfnOrBuilder",
      "format.Layer$1", "format.Layer$Builder", "format.HeadOrBuilder", "format.Head",
      "format.Ffn", "format.Head$1", "format.Head$Builder", "format.Ffn$1", "format.Ffn$Builder",
      "format.Vocabulary$1", "format.Vocabulary$Builder", "format.TokenOrBuilder",
      "format.Token", "format.Token$1", "format.Token$Builder", "format.ArgumentAreaOrBuilder",
      "format.Program$1", "format.Program$2", "format.Program$3", "format.Program$Builder",
      "format.PrefixStateOrBuilder", "format.PrefixState", "format.PrefixState$1", "format.PrefixState$Builder",
      "format.LimitOrBuilder", "format.Limit", "format.FunctionStartOrBuilder",
      "format.FunctionStart", "format.ArgumentArea", "format.Limit$1", "format.Limit$Builder",
      "format.FunctionStart$1", "format.FunctionStart$Builder", "format.Metadata$1",
      "format.Metadata$Builder", "format.SourceDigestOrBuilder", "format.SourceDigest",
      "format.SettingOrBuilder", "format.Setting", "format.StatisticOrBuilder",
      "format.Statistic", "format.SourceDigest$1", "format.SourceDigest$Builder",
      "format.Statistic$1", "format.Statistic$Builder", "format.BundleValidator",
      "format.ValueType", "format.ValueType$1", "format.TokenRole", "format.TokenRole$1",
      "format.Matrix$StorageCase", "format.PackedMatrices", "format.PackedMatrices$Rows",
      "format.HeadMode", "format.HeadMode$1", "LoadedBundle", "ModelBinding", "StepperFactory",
      "model.Model", "model.ModelReader", "model.CsrMatrix", "model.FamilyArgMax",
      "model.KernelSelection", "model.PromptPlan", "attention.AttentionMode", "model.KernelSelection$Choice",
      "model.HeadKernel", "model.HeadWeights", "attention.QuadraticKey",
      "model.FamilyArgMax$Candidate", "model.FfnWeights", "model.LayerWeights",
      "model.SparseFeedForward", "model.LineFamilies", "model.Bits", "model.FamilyArgMax$Family",
      "model.AttentionLayer", "model.TokenValues$Cache", "model.TokenValues",
      "model.TokenValues$Ids", "model.TokenValues$Classes", "model.GateGroups", "model.ResidentHeads",
      "model.FamilyArgMax$Chain", "model.FamilyArgMax$Chain$IntListView", "TokenStepper",
      "TokenTable", "Program", "ValueKind", "NumberType", "format.ArgumentArea$1", "RunOptions",
      "Attention", "TraceListener", "Program$Call", "PrefixCache", "PrefixCache$Start", "PrefixBudget",
      "PrefixCache$Keeping", "StoredPrefix", "PrefixBudget$Slot", "PrefixBudget$Entry",
      "PrefixCache$Kept", "model.KeptStates", "state.StateReader", "state.StateFormatException",
      "model.Decoder$Kept", "TokenStepper$Snapshot", "ModelBinding$DecoderStepper", "attention.HeapBytes",
      "model.AttentionKind", "model.Decoder",
      "model.ForwardPass", "model.ReferencePass", "model.FastPass", "attention.AttentionCache",
      "model.PositionHead", "attention.HullCache", "attention.KeyIndex", "attention.IntList",
      "attention.HullChain", "attention.PositionSelector", "attention.ConstantKeyCache",
      "model.PositionValues", "model.GateFilter", "model.FamilyArgMax$Scratch",
      "model.SparseFeedForward$Scratch", "model.GateFilter$UnitScratch", "TokenBudget", "RunStats", "DecodeLoop", "RunException", "TokenLimitException",
      "MalformedTraceException", "TrapException", "attention.Exact", "model.StraightLine$Row",
      "model.StraightLine", "model.StraightLine$Blocks"
  };

  private ClassPreload() {}

  /** Starts the preloading thread, the first time only. */
  static void start() {
    if (STARTED.getAndSet(true)) return;
    Thread thread = new Thread(new Runnable() {
      @Override
      public void run() {
        ClassLoader loader = ClassPreload.class.getClassLoader();
        for (String name : CLASSES) {
          try {
            Class.forName("dev.wasmformer.runtime." + name, false, loader);
          } catch (ClassNotFoundException | LinkageError e) {
            // Only the prefetch is lost: the class loads (or fails) where it is used.
          }
        }
      }
    }, "wasmformer-class-preload");
    thread.setDaemon(true);
    try {
      thread.start();
    } catch (OutOfMemoryError | SecurityException noThread) {
      // The classes load where they are used.
    }
  }
}
