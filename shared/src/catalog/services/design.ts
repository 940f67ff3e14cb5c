import { siFigma, siFramer, siMiro, siSketch, siWebflow } from 'simple-icons';
import { monogramIcon, simpleIcon } from '../icons';
import type { ServiceDefinition } from '../schema';
import { service } from './define';

export const DESIGN_SERVICES: readonly ServiceDefinition[] = [
  service({
    id: 'figma',
    name: 'Figma',
    aliases: ['figjam'],
    category: 'design',
    url: 'https://www.figma.com/files/',
    domains: ['figma.com'],
    signIn: ['google'],
    icon: simpleIcon(siFigma),
    color: '#f24e1e',
  }),
  service({
    id: 'canva',
    name: 'Canva',
    category: 'design',
    url: 'https://www.canva.com/',
    domains: ['canva.com'],
    signIn: ['google', 'facebook', 'apple', 'microsoft'],
    icon: monogramIcon('C', '#00c4cc'),
    color: '#00c4cc',
  }),
  service({
    id: 'adobe-creative-cloud',
    name: 'Adobe Creative Cloud',
    aliases: ['adobe', 'creative cloud', 'adobe cc', 'adobe express'],
    category: 'design',
    url: 'https://creativecloud.adobe.com/',
    domains: ['adobe.com', 'adobelogin.com'],
    signIn: ['google', 'facebook', 'apple'],
    // Adobe's marks are not in simple-icons.
    icon: monogramIcon('Cc', '#eb1000'),
    color: '#eb1000',
  }),
  service({
    id: 'sketch',
    name: 'Sketch',
    category: 'design',
    url: 'https://www.sketch.com/signin/',
    domains: ['sketch.com'],
    icon: simpleIcon(siSketch),
    color: '#f7b500',
    note: 'The Sketch editor is a Mac app; the web app views, inspects, comments on and hands off documents in your workspace.',
  }),
  service({
    id: 'miro',
    name: 'Miro',
    aliases: ['realtimeboard', 'whiteboard'],
    category: 'design',
    url: 'https://miro.com/app/dashboard/',
    domains: ['miro.com'],
    signIn: ['google', 'microsoft', 'slack', 'apple'],
    icon: simpleIcon(siMiro),
    color: '#050038',
  }),
  service({
    id: 'webflow',
    name: 'Webflow',
    category: 'design',
    // Published sites on webflow.io are a public suffix and stay outside the scope.
    url: 'https://webflow.com/dashboard',
    domains: ['webflow.com'],
    signIn: ['google'],
    icon: simpleIcon(siWebflow),
    color: '#146ef5',
  }),
  service({
    id: 'framer',
    name: 'Framer',
    category: 'design',
    url: 'https://framer.com/projects/',
    domains: ['framer.com'],
    signIn: ['google'],
    icon: simpleIcon(siFramer),
    color: '#0055ff',
  }),
];
