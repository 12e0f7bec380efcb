package org.nnwiki.display;

/** Something {@link Display#show(Object)} draws as an SVG figure. */
public interface Chart {

    /** The chart's title (also the figure's accessible name). */
    String title();

    /** The chart as a standalone SVG element that scales to its container's width. */
    String svg();
}
