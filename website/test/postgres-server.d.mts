export function postgresBin(): string | undefined;
export function startPostgres(): Promise<
  { url: string; bin: string; stop: () => void } | undefined
>;
