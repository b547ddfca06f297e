import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import { describeHandOff } from './connect.ts';
import { withLoopbackAliases } from './guards.ts';
import { type ApiProxyConfig, createApiProxyMiddleware, describeApiProxy, resolveApiProxyConfig } from './proxy.ts';

/**
 * The policy the built app runs under: scripts, styles and API calls from this origin only. Nothing inline but
 * styles: the country select locks the page's scroll while open with small `<style>` elements of its own. The
 * hand-off to the Webview is a top-level navigation to another origin, which this policy does not restrict.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface DemoServerOptions {
  /**
   * Where `/api/2.0` goes; read from the environment (see `resolveApiProxyConfig`) when absent. Its
   * `allowedOrigins`, when set, replace the server's own URLs.
   */
  proxy?: ApiProxyConfig | undefined;
}

/**
 * The origins a Vite server answers at, once it listens: its local and network URLs (`server.resolvedUrls`) with
 * their loopback aliases, plus `extra` (the dev server's `server.origin` when configured). Empty before it listens
 * (and in middleware mode, where the host server must pass its own origins): every `/api/` request is then refused.
 */
export function viteServerOrigins(server: ViteDevServer | PreviewServer, extra: readonly string[] = []): string[] {
  const urls = server.resolvedUrls;
  return withLoopbackAliases([...(urls?.local ?? []), ...(urls?.network ?? []), ...extra]);
}

/**
 * Serves `/api/2.0/*` (adding the config token on writes) and the hand-off routes `/api/connect/*` from `vite`
 * (dev) and `vite preview` alike, answering only requests addressed to the server's own URLs, and sends the
 * Content-Security-Policy with the built app.
 */
export function demoServer(options: DemoServerOptions = {}): Plugin {
  let config: ApiProxyConfig | undefined = options.proxy;
  const resolve = () => {
    config ??= resolveApiProxyConfig(process.env);
    return config;
  };
  /** The config for one server: its own origins, read on each request since the port is known only once listening. */
  const forServer =
    (server: ViteDevServer | PreviewServer, extra: readonly string[] = []) =>
    (): ApiProxyConfig => {
      const base = resolve();
      return base.allowedOrigins !== undefined ? base : { ...base, allowedOrigins: viteServerOrigins(server, extra) };
    };
  const logStartup = (server: ViteDevServer | PreviewServer) => {
    server.config.logger.info(`  API proxy: ${describeApiProxy(resolve())}`);
    server.config.logger.info(`  ${describeHandOff(resolve())}`);
  };
  return {
    name: 'connector-kit-demo:server',
    configureServer(server) {
      logStartup(server);
      const origin = server.config.server.origin;
      server.middlewares.use(createApiProxyMiddleware(forServer(server, origin === undefined ? [] : [origin])));
    },
    configurePreviewServer(server) {
      logStartup(server);
      server.middlewares.use((_request, response, next) => {
        response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
        response.setHeader('X-Content-Type-Options', 'nosniff');
        response.setHeader('Referrer-Policy', 'no-referrer');
        next();
      });
      server.middlewares.use(createApiProxyMiddleware(forServer(server)));
    },
  };
}
