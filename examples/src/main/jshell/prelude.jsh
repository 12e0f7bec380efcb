// Runs first in every page's JShell session (see nnwiki.yml): default imports and a fixed seed.
import java.util.*;
import java.util.function.*;
import java.util.stream.*;
import org.nnwiki.display.*;
import static org.nnwiki.display.Display.show;

// One seeded generator per session, so two builds print the same numbers.
final Random RNG = new Random(42);

// Printed errors appear in order with printed text.
System.setErr(System.out);
