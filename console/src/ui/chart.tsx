/**
 * Bar and line charts drawn by Chart.js, loaded only when a page draws one
 * (not part of the first load). The canvas is an image named by its caption;
 * the figures are always on the page as text too (the caller's table), which
 * is what screen readers read.
 */
import { useEffect, useRef } from "react";

export interface ChartSeries {
  label: string;
  values: number[];
  /** Lines only: drawn dashed, in the colour of the series before it (e.g. "of which confirmed"). */
  dashed?: boolean;
}

/** Told apart by colour, dash and the legend's order; each has contrast against white. */
const COLOURS = ["#0b4f9c", "#b35900", "#2e7d32", "#7b1fa2", "#a40000"];

async function loadChart() {
  const { Chart, BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip } = await import("chart.js");
  Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);
  return Chart;
}

function datasets(type: "bar" | "line", series: ChartSeries[]) {
  let colour = -1;
  return series.map((each) => {
    if (type === "bar" || !each.dashed || colour < 0) colour++;
    const tone = COLOURS[colour % COLOURS.length];
    return type === "bar"
      ? { label: each.label, data: each.values, backgroundColor: tone }
      : { label: each.label, data: each.values, borderColor: tone, backgroundColor: tone, borderDash: each.dashed ? [6, 4] : [], tension: 0 };
  });
}

/** `className`: the page's own size for the chart, beside the shared `.chart`. */
export function Chart({ type, label, categories, series, max, className }: { type: "bar" | "line"; label: string; categories: string[]; series: ChartSeries[]; max?: number; className?: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const key = JSON.stringify([type, label, categories, series, max]);
  useEffect(() => {
    let cancelled = false;
    let chart: { destroy(): void } | undefined;
    void loadChart().then((Chart) => {
      if (cancelled || !canvas.current) return;
      chart = new Chart(canvas.current, {
        type,
        data: { labels: categories, datasets: datasets(type, series) },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          plugins: { legend: { display: series.length > 1 } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 }, ...(max !== undefined && { max }) } },
        },
      });
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [key]);
  return (
    <div className={className ? `chart ${className}` : "chart"} data-categories={categories.join(" | ")}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
