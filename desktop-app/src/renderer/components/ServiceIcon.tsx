import { memo, useMemo } from 'react';
import {
  CUSTOM_SERVICE_ID,
  customServiceIcon,
  getServiceDefinition,
  renderIconSvg,
} from '@flowdesk/shared/catalog';
import type { ServiceIcon as Icon } from '@flowdesk/shared/catalog';
import { DEFAULT_WORKSPACE_COLOR } from '@flowdesk/shared/workspace';

const svgCache = new Map<string, string>();

/** The SVG of an icon as a data URL, rendered once per icon and size (60 rows share them). */
function iconUrl(key: string, icon: Icon, size: number): string {
  const cacheKey = `${key}@${size}`;
  let url = svgCache.get(cacheKey);
  if (url === undefined) {
    url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderIconSvg(icon, size))}`;
    svgCache.set(cacheKey, url);
  }
  return url;
}

export interface IconSource {
  type: string;
  name: string;
  customIcon?: string | undefined;
  customColor?: string | undefined;
}

/**
 * A service's icon: the user's uploaded image, the catalog's brand mark, or initials on the
 * service's colour. Decorative: the name is always next to it or in the button's label.
 */
export const ServiceIcon = memo(function ServiceIcon({
  source,
  size = 28,
}: {
  source: IconSource;
  size?: number;
}) {
  const url = useMemo(() => {
    if (source.customIcon) return source.customIcon;
    const definition =
      source.type === CUSTOM_SERVICE_ID ? undefined : getServiceDefinition(source.type);
    if (definition) return iconUrl(definition.id, definition.icon, size);
    const color = source.customColor ?? DEFAULT_WORKSPACE_COLOR;
    return iconUrl(`monogram:${source.name}:${color}`, customServiceIcon(source.name, color), size);
  }, [source.customIcon, source.customColor, source.type, source.name, size]);
  return <img className="service-icon" src={url} width={size} height={size} alt="" />;
});
