import type { Metadata } from 'next';
import {
  CATEGORIES,
  SERVICE_CATALOG,
  renderIconSvg,
  searchCatalog,
} from '@flowdesk/shared/catalog';
import type { CategoryId, ServiceDefinition } from '@flowdesk/shared/catalog';

export const metadata: Metadata = {
  title: 'Service catalog',
  description: `The ${SERVICE_CATALOG.length} web apps Flow Desk knows by name, and any other by its address.`,
};

/** The catalog, searched on the server: the page needs no script and works with any input. */
export default async function ServicesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const query = (typeof params.q === 'string' ? params.q : '').slice(0, 100);
  const category = CATEGORIES.find((known) => known.id === params.category)?.id;
  const found = searchCatalog(query, category ? { category } : {});
  return (
    <main className="mx-auto max-w-5xl px-6 py-16">
      <h1 className="text-3xl font-semibold tracking-tight">Service catalog</h1>
      <p className="mt-3 text-neutral-600 dark:text-neutral-300">
        {SERVICE_CATALOG.length} services Flow Desk knows by name, with their sign-in pages and
        icons. Any other web app can be added by its address.
      </p>
      <form className="mt-8 flex flex-wrap gap-3" role="search" action="/services">
        <label className="sr-only" htmlFor="q">
          Search services
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={query}
          placeholder="Search: chat, mail, Jira…"
          className="min-w-64 flex-1 rounded-md border border-neutral-300 px-3 py-2 dark:border-neutral-700 dark:bg-neutral-900"
        />
        <label className="sr-only" htmlFor="category">
          Category
        </label>
        <select
          id="category"
          name="category"
          defaultValue={category ?? ''}
          className="rounded-md border border-neutral-300 px-3 py-2 dark:border-neutral-700 dark:bg-neutral-900"
        >
          <option value="">All categories</option>
          {CATEGORIES.map((known) => (
            <option key={known.id} value={known.id}>
              {known.label}
            </option>
          ))}
        </select>
        <button
          type="submit"
          className="rounded-md bg-neutral-900 px-4 py-2 text-white dark:bg-neutral-100 dark:text-neutral-900"
        >
          Search
        </button>
      </form>
      <p className="mt-4 text-sm text-neutral-600 dark:text-neutral-400" role="status">
        {found.length === 1 ? '1 service' : `${found.length} services`}
      </p>
      {found.length === 0 ? (
        <p className="mt-8 rounded-md border border-dashed border-neutral-300 p-6 dark:border-neutral-700">
          No service in the catalog matches. Flow Desk adds any web app by its address: choose
          “Custom service” in the app and paste the link.
        </p>
      ) : (
        <ul className="mt-6 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {found.map((service) => (
            <ServiceCard key={service.id} service={service} />
          ))}
        </ul>
      )}
    </main>
  );
}

function ServiceCard({ service }: { service: ServiceDefinition }) {
  const icon = `data:image/svg+xml,${encodeURIComponent(renderIconSvg(service.icon, 32))}`;
  return (
    <li className="flex items-center gap-3 rounded-lg border border-neutral-200 p-3 dark:border-neutral-800">
      {/* An image, not inline SVG: the icon is data from our catalog, drawn without markup. */}
      <img src={icon} alt="" width={32} height={32} />
      <div>
        <p className="font-medium">{service.name}</p>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          {categoryLabel(service.category)}
          {service.availability === 'web' ? '' : ` · ${service.note ?? 'no web app'}`}
        </p>
      </div>
    </li>
  );
}

function categoryLabel(id: CategoryId): string {
  return CATEGORIES.find((known) => known.id === id)?.label ?? id;
}
