import { render } from 'preact';

function Placeholder() {
  return (
    <main>
      <h1>PCN Planner</h1>
      <p>The map app is being built. The planning engine runs from the command line: see the README.</p>
    </main>
  );
}

render(<Placeholder />, document.getElementById('app')!);
