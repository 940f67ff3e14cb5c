// Tailwind CSS 4 through PostCSS, as Next.js builds stylesheets.
export default { plugins: { '@tailwindcss/postcss': {} } };
