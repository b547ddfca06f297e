import type { Plugin } from 'vite';
import { type ApiProxyConfig, createApiProxyMiddleware, describeApiProxy, resolveApiProxyConfig } from './proxy.ts';

/**
 * The policy the built app runs under: scripts, styles and API calls from this origin only. Nothing inline but
 * styles: the country select locks the page's scroll while open with small `<style>` elements of its own.
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
  /** Where `/api/2.0` goes; read from the environment (see `resolveApiProxyConfig`) when absent. */
  proxy?: ApiProxyConfig | undefined;
}

/**
 * Serves `/api/2.0/*` from `vite` (dev) and `vite preview` alike, adding the config token on writes, and sends the
 * Content-Security-Policy with the built app.
 */
export function demoServer(options: DemoServerOptions = {}): Plugin {
  let config: ApiProxyConfig | undefined = options.proxy;
  const resolve = () => {
    config ??= resolveApiProxyConfig(process.env);
    return config;
  };
  return {
    name: 'connector-kit-demo:server',
    configureServer(server) {
      server.config.logger.info(`  API proxy: ${describeApiProxy(resolve())}`);
      server.middlewares.use(createApiProxyMiddleware(resolve));
    },
    configurePreviewServer(server) {
      server.config.logger.info(`  API proxy: ${describeApiProxy(resolve())}`);
      server.middlewares.use((_request, response, next) => {
        response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
        response.setHeader('X-Content-Type-Options', 'nosniff');
        response.setHeader('Referrer-Policy', 'no-referrer');
        next();
      });
      server.middlewares.use(createApiProxyMiddleware(resolve));
    },
  };
}
