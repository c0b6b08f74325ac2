package dev.wasmformer.plugin;

import java.nio.file.Path;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/** Registers what the compile goal wrote with the project, so the rest of the build picks it up. */
final class ProjectOutputs {
  /** The classifier of an attached bundle. */
  static final String CLASSIFIER = "wasmformer";

  /** The type (and extension) of an attached bundle. */
  static final String TYPE = "wfb";

  private final MavenProject project;
  private final MavenProjectHelper helper;

  ProjectOutputs(MavenProject project, MavenProjectHelper helper) {
    this.project = project;
    this.helper = helper;
  }

  /** Makes {@code directory} a resource root, once, so its bundle is copied into the jar. */
  void addResourceRoot(Path directory) {
    String dir = directory.toString();
    boolean present = project.getResources().stream().anyMatch(r -> dir.equals(r.getDirectory()));
    if (present) return;
    Resource resource = new Resource();
    resource.setDirectory(dir);
    project.addResource(resource);
  }

  /** Attaches {@code bundle} to the project as {@code <artifactId>-<version>-wasmformer.wfb}. */
  void attachBundle(Path bundle) {
    helper.attachArtifact(project, TYPE, CLASSIFIER, bundle.toFile());
  }
}
