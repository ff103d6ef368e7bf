// What the lazily loaded editor chunk holds: CodeMirror, its languages and the editor's extensions.
export { BodyEditor } from '../editor/body-editor';
export { imageEditorExtensions } from '../images/image-editor-extensions';
export { bodyLinter } from '../problems/body-linter';
