export default function HomePage() {
  return (
    <main className="mx-auto max-w-3xl px-6 py-24">
      <h1 className="text-4xl font-semibold tracking-tight">Flow Desk</h1>
      <p className="mt-6 text-lg text-neutral-600 dark:text-neutral-300">
        Slack, Notion, GitHub, Gmail and 75+ more web apps, grouped into workspaces. Each service
        runs in its own isolated, hardened browser view; sign-ins stay on your device, and nothing
        leaves it but license checks.
      </p>
    </main>
  );
}
