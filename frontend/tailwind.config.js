/** @type {import('tailwindcss').Config} */
export default {
  content: ['./index.html', './src/**/*.{vue,js}'],
  theme: {
    extend: {
      colors: {
        brand: { 50: '#eef6ff', 100: '#d9ebff', 500: '#1d6fd8', 600: '#155bb5', 700: '#114a93', 900: '#0b2d59' },
      },
    },
  },
  plugins: [],
};
