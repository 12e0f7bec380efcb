// Runs first in every page's JShell session (see nnwiki.yml): default imports and a fixed seed.
import java.util.*;
import java.util.function.*;
import java.util.stream.*;
import org.nnwiki.core.*;
import org.nnwiki.core.nn.*;
// The core's Module, not java.lang.Module (a single-type import wins over java.lang's).
import org.nnwiki.core.nn.Module;
import org.nnwiki.core.optim.*;
import org.nnwiki.core.data.*;
import org.nnwiki.display.*;
import org.nnwiki.diagram.*;
import static org.nnwiki.display.Display.show;

// Fixed seeds, so two builds print the same numbers: the core's global generator, and one for plain Java code.
Rng.manualSeed(42);
final Random RNG = new Random(42);

// Printed errors appear in order with printed text.
System.setErr(System.out);
