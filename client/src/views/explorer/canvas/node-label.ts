/**
 * How entities' names are drawn on the canvas: the label drawer (placed so none hides
 * another) and the hover drawer (the highlight box of a hovered or selected entity), which
 * share one font rule and one record of where each name went. Only types come from sigma,
 * so this module runs without WebGL (tests draw on a recording context).
 */
import type { NodeHoverDrawingFunction, NodeLabelDrawingFunction } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';

import type { RenderEdgeAttributes, RenderNodeAttributes } from '../../../core/graph-building';
import {
  defaultLabelPosition,
  labelHighlightBox,
  newLabelPass,
  placeLabel,
  type LabelPass,
} from '../../../core/layout/label-placement';
import { shortLabel } from '../../../core/layout/short-label';

/** Entities drawn at least this big (radius in pixels, as rendered) are hubs: bolder names, drawn first. */
export const HUB_LABEL_SIZE = 9;

type LabelSettings = Pick<Settings, 'labelSize' | 'labelWeight' | 'labelFont'>;

/** The font an entity's name is drawn in: hubs' a size up and bold. Read by the label and the hover drawer alike. */
export function labelStyle(size: number, settings: LabelSettings): { font: string; fontSize: number } {
  const hub = size >= HUB_LABEL_SIZE;
  const fontSize = hub ? settings.labelSize + 1 : settings.labelSize;
  return { font: `${hub ? '700' : settings.labelWeight} ${fontSize}px ${settings.labelFont}`, fontSize };
}

/**
 * The least width a name can take: its ASCII letters and digits at 0.15 em each, anything else
 * nothing (a combining mark takes no room). The narrowest letters ('i', 'l') are about 0.22-0.28
 * em in common sans-serif faces: the bound stays under them, so it never turns down a name
 * that fits (label-placement.ts DeferredWidth).
 */
export function widthAtLeast(text: string, fontSize: number): number {
  return text.replace(/[^A-Za-z0-9]/g, '').length * 0.15 * fontSize;
}

/** Where each entity's name was last drawn, so the hover box can cover it there. */
export type LabelPositions = Map<string, { x: number; y: number }>;

/**
 * Node labels on a white halo (legible over edges), placed so that none hides another name
 * or entity (core/layout/label-placement): what does not fit shows when zoomed in. A long
 * name is shortened (core/layout/short-label), here and on the hover box alike. One
 * drawer per canvas, since a pass belongs to one sigma instance; sigma draws a pass's labels
 * in one synchronous loop, so a pass ends at the next microtask, or when a label comes
 * again. Costs a text measure per name (kept for the next frames) and a scan of those already
 * placed: a few milliseconds at a thousand labels, nothing at a hundred.
 */
export function createNodeLabelDrawer(
  positions: LabelPositions = new Map(),
): NodeLabelDrawingFunction<RenderNodeAttributes, RenderEdgeAttributes> {
  /** The pass's placements, and each placed label's text and font, to draw it again when it moves. */
  let pass: { space: LabelPass; texts: Map<string, { label: string; font: string }>; font: string } | null = null;
  // Text widths by font and text: the same names are measured again on every frame otherwise.
  const widths = new Map<string, number>();
  const currentPass = (key: string) => {
    // Sigma draws each label once per pass: a label seen again means a new pass began.
    if (pass === null || pass.texts.has(key)) {
      pass = { space: newLabelPass(), texts: new Map(), font: '' };
      const started = pass;
      queueMicrotask(() => {
        if (pass === started) pass = null;
      });
    }
    return pass;
  };

  return (context, data, settings) => {
    if (!data.label) return;
    const current = currentPass(data.key);
    const { space, texts } = current;
    const hub = data.size >= HUB_LABEL_SIZE;
    const { font, fontSize } = labelStyle(data.size, settings);
    // Setting a font parses it: only when it changes (nothing else draws on this layer in a pass).
    const setFont = (wanted: string) => {
      if (current.font !== wanted) context.font = current.font = wanted;
    };
    const measure = (text: string) => {
      const key = `${font}\n${text}`;
      let width = widths.get(key);
      if (width === undefined) {
        setFont(font);
        widths.set(key, (width = context.measureText(text).width));
      }
      return width;
    };
    const label = shortLabel(data.label);
    // Measured only if the label may be drawn: most names offered do not fit (placeLabel).
    const known = widths.get(`${font}\n${label}`);
    const placement = placeLabel(
      space,
      {
        key: data.key,
        x: data.x,
        y: data.y,
        size: data.size,
        width: known ?? { atLeast: widthAtLeast(label, fontSize), measure: () => measure(label) },
        fontSize,
        // The selection is the entity sigma highlights (core/highlight); its neighbours are forced.
        priority: data.highlighted ? 'selected' : data.forceLabel === true ? 'forced' : hub ? 'hub' : false,
      },
      { width: context.canvas.clientWidth || Infinity, height: context.canvas.clientHeight || Infinity },
    );
    texts.set(data.key, { label, font });

    const draw = (text: string, x: number, y: number) => {
      context.lineJoin = 'round';
      context.lineWidth = 3;
      context.strokeStyle = 'rgba(255, 255, 255, 0.9)';
      context.strokeText(text, x, y);
      context.fillStyle = settings.labelColor.color ?? '#1f2937';
      context.fillText(text, x, y);
    };
    for (const box of placement.erased)
      context.clearRect(box.left, box.top, box.right - box.left, box.bottom - box.top);
    for (const { key, x, y } of placement.moved) {
      const moved = texts.get(key);
      if (!moved) continue;
      setFont(moved.font);
      draw(moved.label, x, y);
      positions.set(key, { x, y });
    }
    if (!placement.position) {
      positions.delete(data.key);
      return;
    }
    setFont(font);
    draw(label, placement.position.x, placement.position.y);
    positions.set(data.key, placement.position);
  };
}

/**
 * The hovered or selected entity: its disc and its name on a white box with a shadow, drawn
 * on the hover layer above the labels. The box is measured in the name's own font and put
 * where the label drawer placed the name (sigma's default measures in the base font and
 * puts it on the right: a bold hub name then showed a stray letter past the box's edge).
 */
export function createNodeHoverDrawer(
  positions: LabelPositions,
): NodeHoverDrawingFunction<RenderNodeAttributes, RenderEdgeAttributes> {
  return (context, data, settings) => {
    const padding = 2;
    context.fillStyle = '#fff';
    context.shadowOffsetX = 0;
    context.shadowOffsetY = 0;
    context.shadowBlur = 8;
    context.shadowColor = 'rgba(0, 0, 0, 0.6)';
    context.beginPath();
    context.arc(data.x, data.y, data.size + padding, 0, Math.PI * 2);
    context.closePath();
    context.fill();
    if (data.label) {
      const label = shortLabel(data.label);
      const { font, fontSize } = labelStyle(data.size, settings);
      context.font = font;
      const width = context.measureText(label).width;
      const position = positions.get(data.key) ?? defaultLabelPosition(data.x, data.y, data.size, fontSize);
      const box = labelHighlightBox(position, width, fontSize);
      context.fillRect(box.left, box.top, box.right - box.left, box.bottom - box.top);
      context.shadowBlur = 0;
      context.fillStyle = settings.labelColor.color ?? '#1f2937';
      context.fillText(label, position.x, position.y);
    }
    context.shadowBlur = 0;
  };
}
