/**
 * Chart.js with only the parts the pages draw (bars, lines, points, two
 * axes, legend, tooltips), set up in the pages' font and text colour.
 *
 * Never import this module statically: load it through `loadCharts()`
 * (chart-loader.ts), so Chart.js is a chunk of its own that only pages with
 * a chart fetch, and the home page's script stays as small as it was.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

const rootStyle = getComputedStyle(document.documentElement);
const fontFamily = rootStyle.getPropertyValue('--font-sans').trim();
if (fontFamily) Chart.defaults.font.family = fontFamily;
Chart.defaults.font.size = 14;
Chart.defaults.color = rootStyle.getPropertyValue('--color-text').trim() || '#1a1a1c';
// Charts appear at once: nothing moves for people who asked for less motion, and what is drawn is final.
Chart.defaults.animation = false;

export { Chart };
