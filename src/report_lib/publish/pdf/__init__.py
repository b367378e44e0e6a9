"""The PDF edition: execute every page for one edition, render one HTML page, print it with headless Chromium."""
