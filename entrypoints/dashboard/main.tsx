import { render } from 'preact';

render(<main>Kith</main>, document.getElementById('app')!);
