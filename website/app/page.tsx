export default function HomePage() {
  return (
    <main className="mx-auto max-w-3xl px-6 py-24">
      <h1 className="text-4xl font-semibold tracking-tight">Flow Desk</h1>
      <p className="mt-6 text-lg text-neutral-600 dark:text-neutral-300">
        Slack, Notion, GitHub, Gmail and 75+ more web apps, grouped into workspaces. Each service
        runs in its own isolated, hardened browser view; sign-ins stay on your device, and nothing
        leaves it but license checks.
      </p>
      <ul className="mt-10 space-y-3 text-neutral-700 dark:text-neutral-300">
        <li>Workspaces: group services by job, client or project, each with its own sign-ins.</li>
        <li>Isolation: every service is sandboxed; two accounts of one service side by side.</li>
        <li>Hibernation: pages you are not using sleep, so memory stays in check.</li>
        <li>Backups: encrypted, and they can carry your sign-ins to a new computer.</li>
      </ul>
    </main>
  );
}
