package dev.onair.display.web;

import io.javalin.config.RoutesConfig;

/**
 * Routes a feature adds to the dashboard's server (the history API, issue 15), so a feature's endpoints live in its
 * own package and this server only lists them.
 */
@FunctionalInterface
public interface ExtraRoutes {
    void addTo(RoutesConfig routes);
}
