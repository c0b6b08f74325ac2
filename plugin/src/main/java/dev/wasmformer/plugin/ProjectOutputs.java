package dev.wasmformer.plugin;

import java.nio.file.Path;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/** Registers what the compile goal wrote with the project, so the rest of the build picks it up. */
final class ProjectOutputs {
  /** The classifier of an attached bundle. */
  static final String CLASSIFIER = "wasmformer";

  /** The type (and extension) of an attached bundle. */
  static final String TYPE = "wfb";

  /** The runtime, which the typed entry points call. */
  static final String RUNTIME_GROUP = "dev.wasmformer";
  static final String RUNTIME_ARTIFACT = "wasmformer-runtime";

  private static final Set<String> COMPILE_SCOPES = Set.of(Artifact.SCOPE_COMPILE, Artifact.SCOPE_PROVIDED,
      Artifact.SCOPE_SYSTEM);

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

  /** Makes {@code directory} a compile source root, once, so javac compiles the generated class. */
  void addCompileSourceRoot(Path directory) {
    String dir = directory.toString();
    if (!project.getCompileSourceRoots().contains(dir)) project.addCompileSourceRoot(dir);
  }

  /** Whether the project's compile classpath, transitive dependencies included, has the artifact. */
  boolean hasCompileDependency(String groupId, String artifactId) {
    return project.getArtifacts().stream().anyMatch(a -> a.getGroupId().equals(groupId)
        && a.getArtifactId().equals(artifactId) && (a.getScope() == null || COMPILE_SCOPES.contains(a.getScope())));
  }

  /** Attaches {@code bundle} to the project as {@code <artifactId>-<version>-wasmformer.wfb}. */
  void attachBundle(Path bundle) {
    helper.attachArtifact(project, TYPE, CLASSIFIER, bundle.toFile());
  }
}
