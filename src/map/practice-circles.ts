// The practices drawn as one MapLibre custom layer: every circle in one draw call of a lean shader,
// instead of MapLibre's circle layer (per-tile buckets through its data-driven circle shader). The
// look is the circle layer's: radius by list size, network colour, a dark 1-px ring when assigned
// and a black 2.5-px one when not, 3 px when hovered and 4 px when selected, and its antialiased
// edges (one device pixel). A colour change rewrites that practice's bytes; hover and selection
// are uniforms. What the pointer hits is still found by MapLibre, on an invisible circle layer
// (layers.ts). Positions are mercator coordinates split into float32 high and low parts and taken
// relative to the view's centre, so circles stay in place at street zoom.
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import {
  type CircleData,
  mercatorX,
  mercatorY,
  rgbOf,
  splitMercator,
  VERTEX_FLOATS,
  writeStyle,
} from './practice-circles-data';

const VERTEX = `#version 300 es
precision highp float;
layout(location = 0) in vec4 a_pos;
layout(location = 1) in vec2 a_radius_corner;
layout(location = 2) in vec4 a_style;
uniform vec4 u_centre;
uniform vec4 u_centre_clip;
uniform vec4 u_dx;
uniform vec4 u_dy;
uniform vec2 u_extrude;
uniform float u_dpr;
uniform int u_hover;
uniform int u_selected;
out vec3 v_data;
out float v_inner;
out vec3 v_fill;
out vec3 v_stroke;
void main() {
  vec2 d = (a_pos.xy - u_centre.xy) + (a_pos.zw - u_centre.zw);
  vec4 clip = u_centre_clip + u_dx * d.x + u_dy * d.y;
  int practice = gl_VertexID >> 2;
  float radius = a_radius_corner.x;
  float corner = a_radius_corner.y;
  vec2 extrude = vec2(mod(corner, 2.0) * 2.0 - 1.0, floor(corner / 2.0) * 2.0 - 1.0);
  bool assigned = a_style.a > 0.5;
  float stroke = practice == u_selected ? 4.0 : practice == u_hover ? 3.0 : assigned ? 1.0 : 2.5;
  float outer = radius + stroke;
  // Scaled with the map under pitch, as MapLibre's circles are (circle-pitch-scale 'map').
  clip.xy += extrude * outer * u_extrude * u_centre_clip.w;
  gl_Position = clip;
  v_data = vec3(extrude, -1.0 / u_dpr / outer);
  v_inner = radius / outer;
  v_fill = a_style.rgb;
  v_stroke = assigned ? vec3(29.0, 42.0, 51.0) / 255.0 : vec3(0.0);
}`;

// MapLibre's circle fragment shader for opaque colours. Outside the circle the colour is zero,
// which premultiplied blending leaves as it was (no discard: cheaper in SwiftShader).
const FRAGMENT = `#version 300 es
precision mediump float;
in vec3 v_data;
in float v_inner;
in vec3 v_fill;
in vec3 v_stroke;
out vec4 fragColor;
void main() {
  float len = length(v_data.xy);
  float blur = v_data.z;
  float opacity = smoothstep(0.0, blur, len - 1.0);
  float ring = smoothstep(blur, 0.0, len - v_inner);
  fragColor = opacity * vec4(mix(v_fill, v_stroke, ring), 1.0);
}`;

interface Gpu {
  readonly gl: WebGL2RenderingContext;
  readonly program: WebGLProgram;
  readonly vao: WebGLVertexArrayObject;
  readonly buffers: readonly WebGLBuffer[];
  readonly uniforms: Record<(typeof UNIFORMS)[number], WebGLUniformLocation | null>;
  /** The circle data in the buffers. */
  uploaded: CircleData | null;
}

const UNIFORMS = ['u_centre', 'u_centre_clip', 'u_dx', 'u_dy', 'u_extrude', 'u_dpr', 'u_hover', 'u_selected'] as const;

function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type) as WebGLShader;
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS))
    throw new Error(`practice circles: shader did not compile: ${gl.getShaderInfoLog(shader)}`);
  return shader;
}

function createGpu(gl: WebGL2RenderingContext): Gpu {
  const program = gl.createProgram() as WebGLProgram;
  gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, VERTEX));
  gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, FRAGMENT));
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS))
    throw new Error(`practice circles: shaders did not link: ${gl.getProgramInfoLog(program)}`);
  const vao = gl.createVertexArray() as WebGLVertexArrayObject;
  const [positions, styles, indices] = [gl.createBuffer(), gl.createBuffer(), gl.createBuffer()] as WebGLBuffer[];
  gl.bindVertexArray(vao);
  gl.bindBuffer(gl.ARRAY_BUFFER, positions);
  gl.enableVertexAttribArray(0);
  gl.vertexAttribPointer(0, 4, gl.FLOAT, false, VERTEX_FLOATS * 4, 0);
  gl.enableVertexAttribArray(1);
  gl.vertexAttribPointer(1, 2, gl.FLOAT, false, VERTEX_FLOATS * 4, 16);
  gl.bindBuffer(gl.ARRAY_BUFFER, styles);
  gl.enableVertexAttribArray(2);
  gl.vertexAttribPointer(2, 4, gl.UNSIGNED_BYTE, true, 0, 0);
  gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, indices);
  gl.bindVertexArray(null);
  const uniforms = Object.fromEntries(UNIFORMS.map((u) => [u, gl.getUniformLocation(program, u)])) as Gpu['uniforms'];
  return { gl, program, vao, buffers: [positions, styles, indices], uniforms, uploaded: null };
}

/** The practice circles' layer; its data outlives the map's styles (added again after a basemap change). */
export class PracticeCircles implements CustomLayerInterface {
  readonly type = 'custom';
  readonly renderingMode = '2d';
  private gpu: Gpu | null = null;
  private data: CircleData | null = null;
  /** Practices whose style changed since the last upload: [from, to). */
  private dirty: [number, number] | null = null;
  private hover = -1;
  private selected = -1;
  private readonly onLost = () => {
    this.gpu = null;
  };

  constructor(
    readonly id: string,
    private readonly map: Pick<MapLibreMap, 'triggerRepaint' | 'getCenter' | 'getCanvas' | 'getPixelRatio'>,
  ) {}

  onAdd(map: MapLibreMap, gl: WebGL2RenderingContext): void {
    this.gpu = createGpu(gl);
    map.on('webglcontextlost', this.onLost);
  }

  onRemove(map: MapLibreMap, gl: WebGL2RenderingContext): void {
    map.off('webglcontextlost', this.onLost);
    const g = this.gpu;
    if (g && !gl.isContextLost()) {
      for (const b of g.buffers) gl.deleteBuffer(b);
      gl.deleteVertexArray(g.vao);
      gl.deleteProgram(g.program);
    }
    this.gpu = null;
  }

  /** Every practice's circle (drawn by the next frame). */
  setData(data: CircleData): void {
    this.data = data;
    this.dirty = null;
    this.map.triggerRepaint();
  }

  /** Practice `i`'s fill colour (`#rrggbb`) and whether it is assigned, drawn by the next frame. */
  setStyle(i: number, colour: string, assigned: boolean): void {
    const d = this.data;
    if (!d || i < 0 || i >= d.count) return;
    writeStyle(d.styles, i, rgbOf(colour), assigned);
    this.dirty = this.dirty ? [Math.min(this.dirty[0], i), Math.max(this.dirty[1], i + 1)] : [i, i + 1];
    this.map.triggerRepaint();
  }

  /** The hover ring's practice (null: none). */
  setHover(i: number | null): void {
    this.hover = i ?? -1;
    this.map.triggerRepaint();
  }

  /** The selection ring's practice (null: none). */
  setSelected(i: number | null): void {
    this.selected = i ?? -1;
    this.map.triggerRepaint();
  }

  private upload(g: Gpu, d: CircleData): void {
    const { gl } = g;
    const [positions, styles, indices] = g.buffers;
    if (g.uploaded !== d) {
      gl.bindBuffer(gl.ARRAY_BUFFER, positions);
      gl.bufferData(gl.ARRAY_BUFFER, d.positions, gl.STATIC_DRAW);
      gl.bindBuffer(gl.ARRAY_BUFFER, styles);
      gl.bufferData(gl.ARRAY_BUFFER, d.styles, gl.DYNAMIC_DRAW);
      gl.bindVertexArray(g.vao);
      gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, indices);
      gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, d.indices, gl.STATIC_DRAW);
      gl.bindVertexArray(null);
      g.uploaded = d;
    } else if (this.dirty) {
      const [from, to] = this.dirty;
      gl.bindBuffer(gl.ARRAY_BUFFER, styles);
      gl.bufferSubData(gl.ARRAY_BUFFER, from * 16, d.styles, from * 16, (to - from) * 16);
    }
    this.dirty = null;
  }

  render(gl: WebGL2RenderingContext, options: CustomRenderMethodInput): void {
    const d = this.data;
    if (!d || d.count === 0) return;
    if (!this.gpu || this.gpu.gl !== gl) this.gpu = createGpu(gl);
    const g = this.gpu;
    this.upload(g, d);
    // The view's centre as the origin: the matrix (float64) places it, the shader adds each circle's
    // small offset from it.
    const m = options.defaultProjectionData.mainMatrix;
    const { lng, lat } = this.map.getCenter();
    const [x, y] = [mercatorX(lng), mercatorY(lat)];
    const [hx, lx] = splitMercator(x);
    const [hy, ly] = splitMercator(y);
    const u = g.uniforms;
    gl.useProgram(g.program);
    gl.uniform4f(u.u_centre, hx, hy, lx, ly);
    gl.uniform4f(
      u.u_centre_clip,
      m[0] * x + m[4] * y + m[12],
      m[1] * x + m[5] * y + m[13],
      m[2] * x + m[6] * y + m[14],
      m[3] * x + m[7] * y + m[15],
    );
    gl.uniform4f(u.u_dx, m[0], m[1], m[2], m[3]);
    gl.uniform4f(u.u_dy, m[4], m[5], m[6], m[7]);
    const canvas = this.map.getCanvas();
    const dpr = this.map.getPixelRatio();
    gl.uniform2f(u.u_extrude, (2 * dpr) / canvas.width, (2 * dpr) / canvas.height);
    gl.uniform1f(u.u_dpr, dpr);
    gl.uniform1i(u.u_hover, this.hover);
    gl.uniform1i(u.u_selected, this.selected);
    gl.disable(gl.DEPTH_TEST);
    gl.disable(gl.STENCIL_TEST);
    gl.bindVertexArray(g.vao);
    gl.drawElements(
      gl.TRIANGLES,
      d.count * 6,
      d.indices instanceof Uint16Array ? gl.UNSIGNED_SHORT : gl.UNSIGNED_INT,
      0,
    );
    gl.bindVertexArray(null);
  }

  /** Each practice's fill colour as drawn (`#rrggbb`), by practice index (for tests). */
  drawnColours(): string[] {
    const d = this.data;
    if (!d) return [];
    const hex = (v: number) => v.toString(16).padStart(2, '0');
    return Array.from(
      { length: d.count },
      (_, i) => `#${hex(d.styles[i * 16])}${hex(d.styles[i * 16 + 1])}${hex(d.styles[i * 16 + 2])}`,
    );
  }

  /** The practices ringed for hover and selection (for tests). */
  rings(): { hover: number | null; selected: number | null } {
    const index = (i: number) => (i < 0 ? null : i);
    return { hover: index(this.hover), selected: index(this.selected) };
  }
}
