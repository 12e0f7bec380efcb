package org.nnwiki.sitecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The built site in a real browser: Debian's headless Chromium driven by Selenium through Debian's
 * chromedriver (no browser download). Pages are opened from {@code file://}, the hardest place for
 * a static site to work: no server, no fetch, everything vendored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {
    private static final Dimension WIDE = new Dimension(1280, 900);
    private ChromeDriver driver;
    private Path site;

    @BeforeAll
    void startBrowser() {
        site = BuiltSite.root();
        String chromium = System.getProperty("nnwiki.chromium", "/usr/bin/chromium");
        String chromedriver = System.getProperty("nnwiki.chromedriver", "/usr/bin/chromedriver");
        for (String exe : List.of(chromium, chromedriver)) {
            assertTrue(
                    Files.isExecutable(Path.of(exe)),
                    exe
                            + " is missing: install Debian's browser for these tests "
                            + "(sudo apt-get install chromium chromium-driver) or point -Dnnwiki.chromium / -Dnnwiki.chromedriver at yours");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(chromedriver))
                        .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(WIDE);
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void freshState() {
        driver.manage().window().setSize(WIDE);
        open("index.html");
        js("localStorage.clear()");
        driver.manage().logs().get(LogType.BROWSER); // drop what earlier tests logged
    }

    @Test
    void everyPageLoadsWithoutConsoleErrorsAndTypesetsItsMath() {
        List<String> problems = new ArrayList<>();
        int typeset = 0;
        for (Path page : BuiltSite.pages()) {
            String name = BuiltSite.relative(page);
            open(name);
            for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
                if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    problems.add(name + ": console error: " + e.getMessage());
                }
            }
            long errors =
                    ((Number) js("return document.querySelectorAll('.katex-error').length"))
                            .longValue();
            long raw =
                    ((Number)
                                    js(
                                            "return document.querySelectorAll('span.math:not([data-tex])').length"))
                            .longValue();
            if (errors > 0 || raw > 0) {
                problems.add(
                        name
                                + ": "
                                + errors
                                + " formulas KaTeX could not typeset, "
                                + raw
                                + " not typeset at all");
            }
            typeset +=
                    ((Number) js("return document.querySelectorAll('span.math .katex').length"))
                            .intValue();
        }
        assertEquals(List.of(), problems);
        assertTrue(typeset > 10, "formulas were typeset by KaTeX (found " + typeset + ")");
    }

    @Test
    void everyInternalLinkResolves() {
        Map<String, List<String>> anchorsByFile = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Path page : BuiltSite.pages()) {
            open(BuiltSite.relative(page));
            @SuppressWarnings("unchecked")
            List<String> hrefs =
                    (List<String>)
                            js(
                                    "return Array.from(document.querySelectorAll('a[href]'), a => a.href)");
            for (String href : hrefs) {
                if (!href.startsWith("file:")) {
                    continue;
                }
                URI uri = URI.create(href);
                Path target = Path.of(uri.getPath());
                if (!Files.isRegularFile(target)) {
                    problems.add(BuiltSite.relative(page) + ": broken link " + href);
                } else if (uri.getFragment() != null && !uri.getFragment().isEmpty()) {
                    anchorsByFile
                            .computeIfAbsent(target.toString(), k -> new ArrayList<>())
                            .add(uri.getFragment() + " (from " + BuiltSite.relative(page) + ")");
                }
            }
        }
        for (var e : anchorsByFile.entrySet()) {
            driver.get(Path.of(e.getKey()).toUri().toString());
            for (String anchor : e.getValue()) {
                String id = anchor.substring(0, anchor.indexOf(" (from "));
                if (!(Boolean) js("return document.getElementById(arguments[0]) !== null", id)) {
                    problems.add(e.getKey() + ": missing anchor #" + anchor);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void searchFindsAPageFromTheKeyboardAndOpensIt() {
        open("index.html");
        driver.findElement(By.tagName("body")).sendKeys("/");
        WebElement input = driver.switchTo().activeElement();
        assertEquals("search-input", input.getAttribute("id"), "'/' focuses the search box");
        input.sendKeys("xor");
        waitFor(By.cssSelector("#search-results li a"));
        List<WebElement> results = driver.findElements(By.cssSelector("#search-results li a"));
        int target = -1;
        for (int i = 0; i < results.size() && target < 0; i++) {
            if (results.get(i).getAttribute("href").contains("backprop-by-hand.html")) {
                target = i;
            }
        }
        assertTrue(
                target >= 0 && target < 3,
                "the XOR page is among the first results: "
                        + results.stream().map(WebElement::getText).toList());
        assertTrue(
                driver.findElements(By.cssSelector("#search-results .search-snippet mark")).size()
                        > 0,
                "snippets mark the words");
        for (int i = 0; i <= target; i++) {
            input.sendKeys(Keys.ARROW_DOWN); // the arrow keys walk the results
        }
        input.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains("backprop-by-hand.html"));

        open("index.html");
        WebElement box = driver.findElement(By.id("search-input"));
        box.sendKeys("zzqxv");
        assertTrue(
                waitFor(By.cssSelector("#search-results li"))
                        .getText()
                        .startsWith("No page matches"));
    }

    @Test
    void chartsAreVisibleAndNamed() {
        open("fundamentals/backprop-by-hand.html");
        List<WebElement> charts = driver.findElements(By.cssSelector("figure.out-chart svg"));
        assertFalse(charts.isEmpty(), "the page has charts");
        WebElement chart = charts.get(0);
        js("arguments[0].scrollIntoView()", chart);
        assertTrue(chart.isDisplayed());
        assertTrue(
                chart.getRect().getWidth() > 300 && chart.getRect().getHeight() > 150,
                "chart size " + chart.getRect().getDimension());
        assertFalse(chart.getAttribute("aria-label").isBlank(), "charts have an accessible name");
    }

    @Test
    void darkModeToggleWorksAndIsRemembered() throws Exception {
        open("fundamentals/backprop-by-hand.html");
        String light = background();
        screenshot("page-light.png");
        driver.findElement(By.cssSelector(".theme-toggle")).click();
        assertEquals("dark", js("return document.documentElement.dataset.theme"));
        String dark = background();
        assertNotEquals(light, dark, "the background changes");
        assertEquals(
                "true",
                driver.findElement(By.cssSelector(".theme-toggle")).getAttribute("aria-pressed"));
        screenshot("page-dark.png");

        open("index.html"); // another page: the choice is remembered
        assertEquals("dark", js("return document.documentElement.dataset.theme"));
        assertEquals(dark, background());
        driver.findElement(By.cssSelector(".theme-toggle")).click();
        open("index.html");
        assertEquals(light, background());
    }

    @Test
    void drawnFiguresFollowTheTheme() {
        open("sequence/recurrent-networks.html");
        WebElement figure = driver.findElement(By.cssSelector("figure.figure > svg[role=img]"));
        assertTrue(
                figure.getAttribute("aria-label").startsWith("An LSTM cell"),
                figure.getAttribute("aria-label"));
        String script =
                "var s = getComputedStyle(document.querySelector('figure.figure .fig-text'));"
                        + " var f = getComputedStyle(document.querySelector('figure.figure .fig-1')); return s.fill + ' ' + f.fill;";
        String light = (String) js(script);
        driver.findElement(By.cssSelector(".theme-toggle")).click();
        String dark = (String) js(script);
        driver.findElement(By.cssSelector(".theme-toggle")).click();
        assertNotEquals(light, dark, "the figure's ink and fills change with the theme");
        assertEquals(light, js(script));
    }

    @Test
    void sidebarFoldsAwayOnANarrowScreen() throws Exception {
        driver.manage().window().setSize(new Dimension(400, 850));
        open("fundamentals/backprop-by-hand.html");
        WebElement sidebar = driver.findElement(By.id("sidebar"));
        WebElement toggle = driver.findElement(By.cssSelector(".nav-toggle"));
        assertFalse(sidebar.isDisplayed(), "hidden at first on a phone");
        assertTrue(toggle.isDisplayed());
        toggle.click();
        assertTrue(sidebar.isDisplayed(), "shown after the menu button");
        assertEquals("true", toggle.getAttribute("aria-expanded"));
        screenshot("page-phone-menu.png");
        toggle.click();
        assertFalse(sidebar.isDisplayed());
        long overflow =
                ((Number) js("return document.documentElement.scrollWidth - window.innerWidth"))
                        .longValue();
        // The elements that stick out, leaving out those inside a box that scrolls or clips them.
        Object wide =
                js(
                        "const clipped = e => { for (let a = e.parentElement; a; a = a.parentElement) {"
                                + " if (getComputedStyle(a).overflowX !== 'visible') return true; } return false; };"
                                + "return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !clipped(e))"
                                + ".slice(0, 5).map(e => e.tagName + '.' + e.className).join(', ')");
        assertTrue(
                overflow <= 0,
                "no sideways scrolling on a phone (overflow "
                        + overflow
                        + " px; too wide: "
                        + wide
                        + ")");
    }

    @Test
    void aHeadingReachedFromTheTableOfContentsIsNotUnderTheTopBar() {
        open("fundamentals/optimizers.html");
        List<WebElement> links =
                new WebDriverWait(driver, Duration.ofSeconds(10))
                        .until(
                                d -> {
                                    List<WebElement> l = d.findElements(By.cssSelector("#toc a"));
                                    return l.size() >= 3 ? l : null;
                                });
        WebElement link = links.get(links.size() / 2);
        String id = link.getAttribute("href").replaceAll(".*#", "");
        link.click();
        new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(d -> ((Number) js("return window.scrollY")).doubleValue() > 0);
        double headingTop =
                ((Number)
                                js(
                                        "return document.getElementById(arguments[0]).getBoundingClientRect().top",
                                        id))
                        .doubleValue();
        double barBottom =
                ((Number)
                                js(
                                        "return document.querySelector('.topbar').getBoundingClientRect().bottom"))
                        .doubleValue();
        assertTrue(
                headingTop >= barBottom,
                "heading #"
                        + id
                        + " at "
                        + headingTop
                        + " px, the top bar ends at "
                        + barBottom
                        + " px");
        new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(d -> "location".equals(link.getAttribute("aria-current")));
        assertEquals(
                1,
                driver.findElements(By.cssSelector("#toc a.toc-current")).size(),
                "one section is marked as the current one");
    }

    @Test
    void theTableOfContentsIsThereBelowTheWidthOfItsColumn() {
        driver.manage().window().setSize(new Dimension(1024, 800));
        open("fundamentals/optimizers.html");
        assertFalse(
                driver.findElement(By.id("toc")).isDisplayed(),
                "no room for the TOC column at 1024 px");
        WebElement folded = driver.findElement(By.cssSelector("article details.toc-inline"));
        assertTrue(folded.isDisplayed(), "the TOC folds into the top of the article instead");
        folded.findElement(By.tagName("summary")).click();
        List<WebElement> links = folded.findElements(By.tagName("a"));
        assertTrue(links.size() >= 3, "it lists the sections");
        // A section in the middle: the last ones (exercises, references) are too close to the end
        // of
        // the page for the browser to scroll them to the top.
        WebElement middle = links.get(links.size() / 2);
        String id = middle.getAttribute("href").replaceAll(".*#", "");
        middle.click();
        new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(
                        d ->
                                ((Number)
                                                        js(
                                                                "return Math.abs(document.getElementById(arguments[0]).getBoundingClientRect().top)",
                                                                id))
                                                .doubleValue()
                                        < 200);
        driver.manage().window().setSize(WIDE);
        assertFalse(
                driver.findElement(By.cssSelector("article details.toc-inline")).isDisplayed(),
                "and is not shown twice on a wide screen");
    }

    @Test
    void noPageScrollsSidewaysOnAPhone() {
        driver.manage().window().setSize(new Dimension(390, 844));
        List<String> wide = new java.util.ArrayList<>();
        List<String> unmarked = new java.util.ArrayList<>();
        int wideFormulas = 0;
        for (Path page : BuiltSite.pages()) {
            String relative = BuiltSite.relative(page);
            if (relative.startsWith("_nnwiki/")) {
                continue;
            }
            open(relative);
            // A formula wider than the column scrolls on its own, marked as such and reachable by
            // keyboard.
            List<?> formulas =
                    (List<?>)
                            js(
                                    "return Array.from(document.querySelectorAll('span.math-display'))"
                                            + ".filter(e => e.scrollWidth > e.clientWidth + 1)"
                                            + ".map(e => e.classList.contains('math-scrolls') && e.tabIndex === 0 && getComputedStyle(e).backgroundImage.includes('gradient'))");
            wideFormulas += formulas.size();
            if (formulas.contains(Boolean.FALSE)) {
                unmarked.add(relative);
            }
            long overflow =
                    ((Number) js("return document.documentElement.scrollWidth - window.innerWidth"))
                            .longValue();
            if (overflow > 0) {
                Object culprits =
                        js(
                                "const clipped = e => { for (let a = e.parentElement; a; a = a.parentElement) {"
                                        + " if (getComputedStyle(a).overflowX !== 'visible') return true; } return false; };"
                                        + "return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !clipped(e))"
                                        + ".slice(0, 3).map(e => e.tagName + '.' + e.className).join(', ')");
                wide.add(relative + ": " + overflow + " px (" + culprits + ")");
            }
        }
        assertEquals(List.of(), wide, "pages wider than a 390 px phone");
        assertTrue(
                wideFormulas > 0,
                "some displayed formula is wider than a phone's column (else this part tests nothing)");
        assertEquals(List.of(), unmarked, "pages with a formula that scrolls without the cue");
    }

    /** Every chart's text lies inside its drawing: nothing is cut off at the edge of the SVG. */
    @Test
    void noChartTextFallsOutsideItsChart() {
        List<String> outside = new java.util.ArrayList<>();
        int texts = 0;
        for (Path page : BuiltSite.pages()) {
            String relative = BuiltSite.relative(page);
            open(relative);
            List<?> found =
                    (List<?>)
                            js(
                                    "const out = []; let n = 0;"
                                            + "document.querySelectorAll('figure.out-chart svg').forEach((svg, i) => {"
                                            + " const vb = svg.viewBox.baseVal; if (!vb || vb.width === 0) return;"
                                            + " svg.querySelectorAll('text').forEach(t => { if (!t.textContent.trim()) return; n++;"
                                            + "  const b = t.getBBox();"
                                            // the text's box in the chart's coordinates: through
                                            // every transform between them
                                            + "  const p = (x, y) => { let q = new DOMPoint(x, y); for (let e = t; e && e !== svg; e = e.parentElement) {"
                                            + "   const tr = e.transform && e.transform.baseVal.consolidate(); if (tr) q = q.matrixTransform(tr.matrix); } return q; };"
                                            + "  const a = p(b.x, b.y), c = p(b.x + b.width, b.y + b.height);"
                                            + "  const l = Math.min(a.x, c.x), r = Math.max(a.x, c.x), top = Math.min(a.y, c.y), bot = Math.max(a.y, c.y);"
                                            + "  if (l < vb.x - 1 || top < vb.y - 1 || r > vb.x + vb.width + 1 || bot > vb.y + vb.height + 1)"
                                            + "   out.push('chart ' + (i + 1) + ' \u201c' + t.textContent.trim().slice(0, 40) + '\u201d'); }); });"
                                            + "return [n].concat(out);");
            texts += ((Number) found.get(0)).intValue();
            found.subList(1, found.size()).forEach(t -> outside.add(relative + ": " + t));
        }
        assertTrue(texts > 100, "the site's charts have text to check (" + texts + ")");
        assertEquals(List.of(), outside, "chart text drawn outside its chart");
    }

    @Test
    void solutionsAreFoldedUntilOpenedAndCitationsLeadToTheReferenceList() {
        open("fundamentals/forward-backward.html");
        List<WebElement> exercises = driver.findElements(By.cssSelector("section.box-exercise"));
        assertTrue(exercises.size() >= 3, "the page has exercises");
        WebElement solution = exercises.get(0).findElement(By.cssSelector("details.solution"));
        WebElement code = solution.findElement(By.cssSelector("pre.code"));
        assertFalse(code.isDisplayed(), "a solution is folded at first");
        solution.findElement(By.tagName("summary")).click();
        assertTrue(code.isDisplayed(), "opening it shows the solution's code");
        assertTrue(solution.getText().contains("output checked"), "and its checked output");

        WebElement cite = driver.findElement(By.cssSelector(".cite a"));
        String target = cite.getAttribute("href").replaceAll(".*#", "");
        js("arguments[0].scrollIntoView({block: 'center'})", cite);
        cite.click();
        WebElement entry = driver.findElement(By.id(target));
        assertEquals("li", entry.getTagName());
        assertTrue(
                js("var r = document.getElementById('"
                                + target
                                + "').getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight;")
                        .equals(Boolean.TRUE),
                "the reference is scrolled into view");
        assertTrue(entry.getText().contains("(1986)"), entry.getText());
    }

    @Test
    void runTimesAndTheExecutionReportComeFromTheLastBuild() {
        open("fundamentals/backprop-by-hand.html");
        List<WebElement> badges = driver.findElements(By.cssSelector(".cell-run .run-time"));
        assertEquals(
                driver.findElements(By.cssSelector(".cell-run")).size(),
                badges.size(),
                "every run cell has its time");
        assertTrue(
                badges.get(0).getText().matches("ran in [0-9.]+ (ms|s) · peak heap .*"),
                badges.get(0).getText());
        WebElement download = driver.findElement(By.cssSelector("a.download"));
        assertTrue(
                Files.isRegularFile(
                        site.resolve("fundamentals")
                                .resolve(download.getAttribute("href").replaceAll(".*/", ""))));

        open("fundamentals/forward-backward.html");
        assertTrue(
                driver.findElements(By.cssSelector(".inline-value")).size() >= 2,
                "the page has inline values");
        assertEquals(
                0,
                driver.findElements(By.cssSelector(".inline-value .run-time")).size(),
                "an inline value gets no run-time badge");

        open("report.html");
        List<WebElement> rows =
                driver.findElements(By.cssSelector("table.report tbody tr:not(.report-blocks)"));
        assertTrue(rows.size() >= 2, "the report lists the pages with examples");
        assertTrue(
                driver.findElement(By.cssSelector(".report-total"))
                        .getText()
                        .contains("all passed"));
    }

    private void open(String relative) {
        driver.get(site.resolve(relative).toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> "complete".equals(js("return document.readyState")));
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(by).stream().findFirst().orElse(null));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private String background() {
        return (String) js("return getComputedStyle(document.body).backgroundColor");
    }

    private void screenshot(String name) throws Exception {
        Path dir = Path.of(System.getProperty("nnwiki.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
    }
}
