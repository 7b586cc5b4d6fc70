/**
 * A grouped bar chart drawn by Chart.js, loaded only when a page draws one
 * (not part of the first load): one bar per series in each category. The
 * canvas is an image named by its caption; the figures are on the page as a
 * table beside it (the caller's), which is what screen readers read.
 */
import { useEffect, useRef } from "react";

export interface ChartSeries {
  label: string;
  values: number[];
}

/** Told apart by colour and by the legend's order; each has contrast against white. */
const COLOURS = ["#0b4f9c", "#b35900", "#2e7d32", "#7b1fa2", "#a40000"];

async function loadChart() {
  const { Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip } = await import("chart.js");
  Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
  return Chart;
}

export function GroupedBarChart({ label, categories, series, max }: { label: string; categories: string[]; series: ChartSeries[]; max?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const key = JSON.stringify([label, categories, series, max]);
  useEffect(() => {
    let cancelled = false;
    let chart: { destroy(): void } | undefined;
    void loadChart().then((Chart) => {
      if (cancelled || !canvas.current) return;
      chart = new Chart(canvas.current, {
        type: "bar",
        data: { labels: categories, datasets: series.map((each, index) => ({ label: each.label, data: each.values, backgroundColor: COLOURS[index % COLOURS.length] })) },
        options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ...(max !== undefined && { max }) } } },
      });
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [key]);
  return (
    <div className="chart oversight-chart" data-categories={categories.join(" | ")}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
