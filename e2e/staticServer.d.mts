export interface StaticServer {
  url: string;
  close(): Promise<void>;
}
export function startStaticServer(options: {
  root: string;
  port: number;
  headers?: Record<string, string>;
}): Promise<StaticServer>;
