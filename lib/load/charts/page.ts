/// <reference lib="dom" />
// The report page's script: draws the charts whose data the page embeds as JSON.
import type { ChartData } from './chart-data.ts';
import { drawCharts } from './draw-charts.ts';

const data = document.getElementById('chart-data');
const root = document.getElementById('charts');
if (data?.textContent && root) drawCharts(root, JSON.parse(data.textContent) as ChartData[]);
