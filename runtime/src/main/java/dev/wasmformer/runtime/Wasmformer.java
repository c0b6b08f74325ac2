package dev.wasmformer.runtime;

import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.BundleFiles;
import dev.wasmformer.runtime.format.BundleFormatException;
import dev.wasmformer.runtime.format.UnpackedMatrices;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Entry point of the runtime: loads bundles, whose programs then run on the transformer. */
public final class Wasmformer {
  /** The classpath folder where the Maven plugin puts bundles. */
  public static final String RESOURCE_FOLDER = "META-INF/wasmformer/";

  private Wasmformer() {}

  /**
   * The classpath resource of the bundle named {@code bundleName}: {@code
   * META-INF/wasmformer/<bundleName>.wfb}, where the Maven plugin's compile goal writes it and
   * {@link #loadResource} and the goal's generated entry-point class look for it.
   */
  public static String resourceName(String bundleName) {
    return RESOURCE_FOLDER + bundleName + BundleFiles.EXTENSION;
  }

  /**
   * Loads the bundle file at {@code path}.
   *
   * @throws BundleFormatException if the file is not a valid bundle (the message says why)
   */
  public static LoadedBundle load(Path path) throws IOException {
    ClassPreload.start();
    UnpackedMatrices unpacked = new UnpackedMatrices();
    return loaded(BundleFiles.read(path, unpacked), unpacked);
  }

  /** Loads a bundle file from {@code in}, reading it to its end; does not close it. */
  public static LoadedBundle load(InputStream in) throws IOException {
    ClassPreload.start();
    UnpackedMatrices unpacked = new UnpackedMatrices();
    return loaded(BundleFiles.read(in, unpacked), unpacked);
  }

  /**
   * Loads a bundle already in memory (e.g. one just compiled), after the same validation a
   * bundle file gets.
   *
   * @throws BundleFormatException if the bundle is not valid (the message says why)
   */
  public static LoadedBundle load(Bundle bundle) throws BundleFormatException {
    BundleFiles.validate(bundle);
    return loaded(bundle, null);
  }

  /**
   * Loads the bundle the wasmformer Maven plugin packaged as the classpath resource {@code
   * META-INF/wasmformer/<bundleName>.wfb}, found through the thread's context class loader.
   *
   * @throws FileNotFoundException if there is no such resource
   */
  public static LoadedBundle loadResource(String bundleName) throws IOException {
    if (bundleName == null || bundleName.isBlank()) {
      throw new IllegalArgumentException("the bundle name is empty");
    }
    String resource = resourceName(bundleName);
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) loader = Wasmformer.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new FileNotFoundException(
            "no wasmformer bundle \"" + bundleName + "\" on the classpath (looked for resource "
                + resource + ", which the wasmformer:compile goal writes)");
      }
      try {
        return load(in);
      } catch (BundleFormatException e) {
        throw new BundleFormatException("classpath resource " + resource + ": " + e.getMessage());
      }
    }
  }

  // The validation's unpacked matrices become the model's: each is decoded once per load.
  private static LoadedBundle loaded(Bundle bundle, UnpackedMatrices unpacked) {
    return new LoadedBundle(bundle, ModelBinding.bind(bundle, unpacked));
  }
}
