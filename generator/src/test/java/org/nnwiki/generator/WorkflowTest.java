package org.nnwiki.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The GitHub Actions workflow is valid YAML and runs what .ci/run runs. */
class WorkflowTest {
    private static final Path REPO = Path.of("..");

    @Test
    @SuppressWarnings("unchecked")
    void theWorkflowVerifiesPullRequestsAndPublishesMain() throws Exception {
        String text = Files.readString(REPO.resolve(".github/workflows/site.yml"));
        Map<String, Object> workflow =
                new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        // YAML 1.1 reads the key "on" as true.
        Map<String, Object> on =
                (Map<String, Object>)
                        (workflow.containsKey("on") ? workflow.get("on") : workflow.get(true));
        assertTrue(
                on.containsKey("pull_request") && on.containsKey("push"),
                "runs on pull requests and pushes");
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        List<Map<String, Object>> steps =
                (List<Map<String, Object>>) ((Map<String, Object>) jobs.get("build")).get("steps");
        String runs =
                steps.stream()
                        .map(s -> String.valueOf(s.getOrDefault("run", "")))
                        .reduce("", String::concat);
        String uses =
                steps.stream()
                        .map(s -> String.valueOf(s.getOrDefault("uses", "")))
                        .reduce("", String::concat);
        assertTrue(runs.contains("./mvnw -q -B verify"), "the same test command as .ci/run");
        assertTrue(Files.readString(REPO.resolve(".ci/run")).contains("./mvnw -q verify"));
        assertTrue(
                uses.contains("actions/cache") && text.contains("path: .nnwiki-cache"),
                "example outputs are cached");
        assertTrue(text.contains("cache: maven"), "the Maven repository is cached");
        assertTrue(
                uses.contains("actions/upload-pages-artifact") && jobs.containsKey("deploy"),
                "main is published to Pages");
        // Sharding: N is chosen in one place; the shards run --shard K/N and the build job
        // assembles with --from-shards.
        assertTrue(text.contains("EXAMPLE_SHARDS:"), "the number of shards is set once");
        assertEquals(
                "required",
                String.valueOf(((Map<String, Object>) workflow.get("env")).get("NNWIKI_SANDBOX")),
                "CI runs pages in the sandbox");
        assertTrue(
                runs.contains("apt-get install -y -qq bubblewrap"),
                "the runner installs the sandbox");
        assertTrue(
                Files.readString(REPO.resolve(".ci/run"))
                        .contains("export NNWIKI_SANDBOX=required"),
                ".ci/run requires the sandbox too");
        Map<String, Object> examples = (Map<String, Object>) jobs.get("examples");
        String shardRuns =
                ((List<Map<String, Object>>) examples.get("steps"))
                        .stream()
                                .map(st -> String.valueOf(st.getOrDefault("run", "")))
                                .reduce("", String::concat);
        assertTrue(
                shardRuns.contains("--shard ${{ matrix.shard }}/${{ needs.plan.outputs.shards }}"),
                "each shard runs its share");
        assertTrue(
                String.valueOf(((Map<String, Object>) jobs.get("build")).get("needs"))
                        .contains("examples"),
                "the site waits for the shards");
        assertTrue(
                runs.contains("--from-shards"),
                "the build job assembles from the shards' results when there are shards");
        List<Map<String, Object>> deploy =
                (List<Map<String, Object>>) ((Map<String, Object>) jobs.get("deploy")).get("steps");
        assertEquals("actions/deploy-pages@v4", deploy.get(0).get("uses"));
    }
}
