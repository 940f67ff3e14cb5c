import { z } from 'zod';

/** The nine categories of the seed's service diagram; ids are stable, labels are for display. */
export const CATEGORY_IDS = [
  'communication',
  'project-management',
  'development',
  'productivity',
  'design',
  'business-crm',
  'cloud-storage',
  'analytics-finance',
  'social-marketing',
] as const;

export type CategoryId = (typeof CATEGORY_IDS)[number];

export const categoryIdSchema = z.enum(CATEGORY_IDS);

export interface Category {
  id: CategoryId;
  label: string;
  /** Extra words people type when they mean the category rather than a product. */
  keywords: readonly string[];
}

export const CATEGORIES: readonly Category[] = Object.freeze(
  [
    {
      id: 'communication',
      label: 'Communication',
      keywords: ['chat', 'messaging', 'email', 'mail', 'video', 'calls', 'meetings'],
    },
    {
      id: 'project-management',
      label: 'Project Management',
      keywords: ['tasks', 'issues', 'kanban', 'boards', 'planning'],
    },
    {
      id: 'development',
      label: 'Development',
      keywords: ['dev', 'code', 'git', 'ci', 'hosting', 'deploy', 'database', 'monitoring'],
    },
    {
      id: 'productivity',
      label: 'Productivity',
      keywords: ['notes', 'documents', 'office', 'todo', 'calendar', 'ai', 'assistant'],
    },
    {
      id: 'design',
      label: 'Design & Creative',
      keywords: ['creative', 'whiteboard', 'prototyping', 'ui', 'graphics'],
    },
    {
      id: 'business-crm',
      label: 'Business & CRM',
      keywords: ['sales', 'support', 'customer', 'helpdesk'],
    },
    {
      id: 'cloud-storage',
      label: 'Cloud Storage',
      keywords: ['files', 'sync', 'backup'],
    },
    {
      id: 'analytics-finance',
      label: 'Analytics & Finance',
      keywords: ['metrics', 'dashboards', 'payments', 'accounting', 'invoices'],
    },
    {
      id: 'social-marketing',
      label: 'Social Media & Marketing',
      keywords: ['social', 'newsletter', 'campaigns', 'scheduling'],
    },
  ].map((category) => Object.freeze({ ...category, keywords: Object.freeze(category.keywords) })),
) as readonly Category[];

export function isCategoryId(value: unknown): value is CategoryId {
  return typeof value === 'string' && (CATEGORY_IDS as readonly string[]).includes(value);
}
